using MediaVault.Infrastructure.Configuration;

namespace MediaVault.Integration.Tests.Support;

/// <summary>
/// The one start and stop of a fixture that talks to the object store: a host on <see cref="Provider"/> and
/// <see cref="Storage"/> (with <see cref="Settings"/>), and a client of the store for presigned requests.
/// </summary>
public abstract class StoreFixture(DatabaseProvider provider, StorageProvider storage)
{
    protected DatabaseProvider Provider { get; } = provider;

    protected StorageProvider Storage { get; } = storage;

    protected MediaVaultApi Api { get; private set; } = null!;

    protected HttpClient Store { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartStoreFixtureAsync()
    {
        Api = await MediaVaultApi.StartAsync(Provider, Storage, Settings());
        Store = Api.StoreClient(Storage);
    }

    [OneTimeTearDown]
    public async Task StopStoreFixtureAsync()
    {
        Store.Dispose();
        await Api.DisposeAsync();
    }

    /// <summary>Settings of the fixture's host beyond the test defaults.</summary>
    protected virtual IDictionary<string, string?>? Settings() => null;
}
