// Handler tests keep their mocks in fields: each test gets a fixture of its own, so no mock carries calls over.
[assembly: FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
