// Each test gets a fresh fixture instance, so mocks and fake clocks held in fields never leak between tests.
[assembly: FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
