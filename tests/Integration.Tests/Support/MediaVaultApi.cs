using System.Net.Http.Headers;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MediaVault.Integration.Tests.Support;

/// <summary>
/// The real host, in process, configured through the same keys an operator uses, against a real database
/// (PostgreSQL on the test cluster, or SQLite) and a real object store (a folder, or the S3 test server).
/// </summary>
public sealed class MediaVaultApi : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string _dataDirectory;

    private readonly Action<IServiceCollection>? _services;

    private bool _ownsDatabase;

    private MediaVaultApi(
        TestDatabase database, Dictionary<string, string?> settings, string dataDirectory, bool ownsDatabase = true, Action<IServiceCollection>? services = null)
    {
        Database = database;
        _settings = settings;
        _dataDirectory = dataDirectory;
        _ownsDatabase = ownsDatabase;
        _services = services;
    }

    public TestDatabase Database { get; }

    /// <summary>The operator's keys this host was configured with (e.g. to start the application as a real process).</summary>
    public IReadOnlyDictionary<string, string?> Settings => _settings;

    public static async Task<MediaVaultApi> StartAsync(
        DatabaseProvider provider,
        StorageProvider storage = StorageProvider.FileSystem,
        IDictionary<string, string?>? overrides = null,
        Action<IServiceCollection>? services = null,
        bool kestrel = false)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var dataDirectory = Directory.CreateTempSubdirectory("mediavault-data-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Default"] = database.ConnectionString,
            ["App:DataDirectory"] = dataDirectory,
            ["App:PublicBaseUrl"] = "http://localhost",
            ["Jwt:SigningKey"] = TestTokens.SigningKey,
            ["Jwt:Issuer"] = TestTokens.Issuer,
            ["Jwt:Audience"] = TestTokens.Audience,
            ["Storage:Provider"] = storage.ToString(),
            // Tests sign in often; the rate limit is tested on a host of its own (Identity/RateLimitTests).
            ["RateLimiting:AuthPermitsPerMinute"] = "100000",
        };
        if (storage == StorageProvider.S3)
        {
            settings["Storage:S3:ServiceUrl"] = TestServers.S3Url.ToString();
            settings["Storage:S3:Bucket"] = TestServers.S3Bucket;
            settings["Storage:S3:AccessKey"] = TestServers.S3AccessKey;
            settings["Storage:S3:SecretKey"] = TestServers.S3SecretKey;
            settings["Storage:S3:ForcePathStyle"] = "true";
            settings["Storage:S3:Region"] = "us-east-1";
        }

        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var api = new MediaVaultApi(database, settings, dataDirectory, services: services);
        if (kestrel)
        {
            // A real Kestrel on a free loopback port: for what only a real server does (header bytes, request line
            // parsing, the peer address). CreateClient then answers a client for that address.
            api.UseKestrel(0);
        }

        return await StartAsync(api, kestrel);
    }

    /// <summary>
    /// A second instance of the application over the same database, with a data folder of its own: what a deployment
    /// with several instances looks like. Disposing it leaves the database to <paramref name="first"/>.
    /// </summary>
    public static async Task<MediaVaultApi> StartSiblingAsync(
        MediaVaultApi first, Action<IServiceCollection>? services = null, IDictionary<string, string?>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(first);
        var dataDirectory = Directory.CreateTempSubdirectory("mediavault-data-").FullName;
        var settings = new Dictionary<string, string?>(first._settings) { ["App:DataDirectory"] = dataDirectory };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return await StartAsync(new MediaVaultApi(first.Database, settings, dataDirectory, ownsDatabase: false, services ?? first._services));
    }

    /// <summary>
    /// Stops this host and starts a new one over the same database (which the new host then owns), as a restart or a
    /// deployment does; <paramref name="overrides"/> change settings and <paramref name="services"/> replaces the test
    /// services of the new host.
    /// </summary>
    public async Task<MediaVaultApi> RestartAsync(IDictionary<string, string?>? overrides = null, Action<IServiceCollection>? services = null)
    {
        var owned = _ownsDatabase;
        _ownsDatabase = false;
        await DisposeAsync();
        var dataDirectory = Directory.CreateTempSubdirectory("mediavault-data-").FullName;
        var settings = new Dictionary<string, string?>(_settings) { ["App:DataDirectory"] = dataDirectory };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return await StartAsync(new MediaVaultApi(Database, settings, dataDirectory, owned, services ?? _services));
    }

    private static async Task<MediaVaultApi> StartAsync(MediaVaultApi api, bool kestrel = false)
    {
        try
        {
            // Start now: migrations run, configuration errors surface here.
            if (kestrel)
            {
                api.StartServer();
            }
            else
            {
                _ = api.Server;
            }

            return api;
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    public HttpClient ClientFor(Guid userId, params string[] roles)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(userId, roles: roles));
        return client;
    }

    /// <summary>Runs <paramref name="work"/> with the application's own unit of work, e.g. to arrange data.</summary>
    public async Task<T> WithDbAsync<T>(Func<MediaVaultDbContext, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<MediaVaultDbContext>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleaning.
        }

        GC.SuppressFinalize(this);
    }
}
