using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.S3;
using System.Security.Cryptography;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets;
using MediaVault.Infrastructure.Background;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Infrastructure.Email;
using MediaVault.Infrastructure.Health;
using MediaVault.Infrastructure.Identity;
using MediaVault.Infrastructure.Jobs;
using MediaVault.Infrastructure.Media;
using MediaVault.Infrastructure.Persistence;
using MediaVault.Infrastructure.RateLimiting;
using MediaVault.Infrastructure.Sharing;
using MediaVault.Infrastructure.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MediaVault.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Wires the adapters chosen by configuration (keys as in the API contract) to the application's ports.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.Section));
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.Configure<AppOptions>(configuration.GetSection(AppOptions.Section));
        services.Configure<AssetsOptions>(configuration.GetSection(AssetsOptions.Section));
        services.AddSingleton(TimeProvider.System);

        var dataDirectory = DataDirectory(configuration, environment);
        AddPersistence(services, configuration, environment, dataDirectory);
        AddStorage(services, configuration, environment, dataDirectory);
        AddAssets(services, configuration);
        AddEmail(services, configuration, dataDirectory);
        services.AddIdentityServices(configuration);
        AddSharing(services);
        AddJobs(services, configuration);
        AddMedia(services, configuration);

        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<StorageHealthCheck>("storage", tags: ["ready"])
            .AddCheck<JobQueueHealthCheck>("jobs", tags: ["ready"])
            .AddCheck<MediaQueueHealthCheck>("media", tags: ["ready"]);
        return services;
    }

    /// <summary>Applies the provider's pending migrations; several instances starting at once take turns.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediaVaultDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Readers do not block the writer.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    public static string DataDirectory(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[$"{AppOptions.Section}:{nameof(AppOptions.DataDirectory)}"];
        return Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? Path.Combine(environment.ContentRootPath, ".data") : configured);
    }

    /// <summary><c>Database__Provider</c>, SQLite when unset (the embedded default).</summary>
    private static DatabaseProvider DatabaseProviderOf(IConfiguration configuration) =>
        configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider ?? DatabaseProvider.Sqlite;

    private static void AddPersistence(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, string dataDirectory)
    {
        // Contexts are pooled (a request leases a reset one instead of building it): they hold no state of their own
        // beyond EF's, and their interceptors are singletons, so the options are built once from the root provider.
        var provider = DatabaseProviderOf(configuration);
        var connectionString = configuration.GetConnectionString("Default");
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Database__Provider is Postgres: set ConnectionStrings__Default.");
            }

            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            // A database that does not answer gives a prompt 503, not a hanging request.
            if (!connectionString.Contains("Timeout", StringComparison.OrdinalIgnoreCase))
            {
                builder.Timeout = 5;
                builder.CommandTimeout = 30;
            }

            // A connection goes back to the pool after every EF query: without a reset it costs no round trip
            // (DISCARD ALL), and its prepared statements survive to the next request, so the hot queries are parsed and
            // planned once per connection. Nothing here leaves session state behind (no SET, temporary table, LISTEN or
            // session advisory lock; every lock is taken in a transaction), so there is nothing for a reset to clear.
            if (!connectionString.Contains("Reset", StringComparison.OrdinalIgnoreCase))
            {
                builder.NoResetOnClose = true;
            }

            if (!connectionString.Contains("Prepare", StringComparison.OrdinalIgnoreCase))
            {
                builder.MaxAutoPrepare = 64;
                builder.AutoPrepareMinUsages = 2;
            }

            // Every prepared statement runs one generic plan, made once per connection (ADR-089). Without this, PostgreSQL
            // keeps planning a statement on every execution whenever its generic plan looks dearer than the custom ones
            // (an `= ANY($n)` of ids, an OR over a subquery): the single asset's access paths spent 0.5 ms planning for
            // 0.06 ms of execution. The list function sets the same mode for itself (ADR-083).
            if (!connectionString.Contains("Options", StringComparison.OrdinalIgnoreCase))
            {
                builder.Options = "-c plan_cache_mode=force_generic_plan";
            }

            services.AddDbContextPool<MediaVaultDbContext, PostgresDbContext>((sp, options) => options.UseNpgsql(builder.ConnectionString)
                .AddInterceptors(
                    sp.GetRequiredService<JobSignalInterceptor>(), sp.GetRequiredService<AccountCheckInterceptor>(), ReservationRideInterceptor.Instance));
        }
        else
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                Directory.CreateDirectory(dataDirectory);
                connectionString = new SqliteConnectionStringBuilder
                {
                    DataSource = Path.Combine(dataDirectory, "mediavault.db"),
                    DefaultTimeout = 5,
                }.ToString();
            }

            services.AddDbContextPool<MediaVaultDbContext, SqliteDbContext>((sp, options) => options.UseSqlite(connectionString)
                .AddInterceptors(new SqliteUnicodeLowerInterceptor(), sp.GetRequiredService<JobSignalInterceptor>()));
        }

        services.AddScoped(typeof(IRepository<>), typeof(EfRepository<>));
        services.AddScoped(typeof(IReadRepository<>), typeof(EfReadRepository<>));
        services.AddSingleton<ICursorSigner>(new HmacCursorSigner(DerivedKey(configuration, environment, dataDirectory, "MediaVault pagination cursors v1")));
        services.AddScoped<IAbandonedUploadClaims, AbandonedUploadClaims>();
        services.AddScoped<IQueryRunner, EfQueryRunner>();
        services.AddScoped<IVisiblePageSource, PostgresVisiblePages>();
        services.AddScoped<IGroupQueries, GroupQueries>();
    }

    /// <summary>The limits of the asset use cases, and the sweeper of abandoned uploads.</summary>
    private static void AddAssets(IServiceCollection services, IConfiguration configuration)
    {
        var assets = configuration.GetSection(AssetsOptions.Section).Get<AssetsOptions>() ?? new AssetsOptions();
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        services.AddSingleton(new AssetSettings
        {
            MaxSizeBytes = assets.MaxSizeBytes,
            MultipartThresholdBytes = assets.MultipartThresholdBytes,
            MultipartPartSizeBytes = assets.MultipartPartSizeBytes,
            UploadUrlTtl = TimeSpan.FromSeconds(Math.Max(1, storage.UploadUrlTtlSeconds)),
            DownloadUrlTtl = TimeSpan.FromSeconds(Math.Max(1, storage.DownloadUrlTtlSeconds)),
            UploadGracePeriod = TimeSpan.FromSeconds(Math.Max(0, assets.UploadGraceSeconds)),
            TrashRetention = assets.TrashRetentionDays is >= 0 and <= 36_500
                ? TimeSpan.FromDays(assets.TrashRetentionDays)
                : throw new InvalidOperationException("Assets__TrashRetentionDays must be from 0 to 36500."),
            PurgeRetryDelay = TimeSpan.FromSeconds(Math.Max(1, assets.PurgeRetrySeconds)),
        });
        services.AddHostedService<UploadSweeper>();
        services.AddScoped<IJobHandler, TrashPurgeJobHandler>();

        var links = configuration.GetSection(LinksOptions.Section).Get<LinksOptions>() ?? new LinksOptions();
        services.AddSingleton(links.ToSettings());
    }

    private static void AddStorage(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, string dataDirectory)
    {
        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (options.Provider == StorageProvider.S3)
        {
            var s3 = options.S3;
            if (string.IsNullOrWhiteSpace(s3.Bucket))
            {
                throw new InvalidOperationException("Storage__Provider is S3: set Storage__S3__Bucket.");
            }

            var config = new AmazonS3Config
            {
                ForcePathStyle = s3.ForcePathStyle,
                AuthenticationRegion = s3.Region,
                // Many S3-compatible servers do not know the SDK's default checksums.
                RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
                ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
                Timeout = TimeSpan.FromSeconds(10),
                MaxErrorRetry = 1,
            };
            if (s3.ServiceUrl is not null)
            {
                config.ServiceURL = s3.ServiceUrl.ToString();
            }
            else
            {
                config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(s3.Region);
            }

            // The keys of the configuration, or else the SDK's chain (environment, profile, instance role, ...).
            services.AddSingleton<AWSCredentials>(_ => s3.AccessKey is null
                ? DefaultAWSCredentialsIdentityResolver.GetCredentials(config)
                : new BasicAWSCredentials(s3.AccessKey, s3.SecretKey));
            services.AddSingleton<IAmazonS3>(sp =>
            {
                var client = new AmazonS3Client(sp.GetRequiredService<AWSCredentials>(), config);
                client.BeforeRequestEvent += S3ObjectStorage.SendCopySourceWithPlainSlashes;
                return client;
            });
            services.AddSingleton(sp => new S3UrlSigner(S3UrlSigner.BucketEndpoint(s3), s3.Region, sp.GetRequiredService<AWSCredentials>()));
            services.AddSingleton<IObjectStorage>(sp => new S3ObjectStorage(
                sp.GetRequiredService<IAmazonS3>(), sp.GetRequiredService<S3UrlSigner>(), s3, sp.GetRequiredService<TimeProvider>()));
        }
        else
        {
            var root = string.IsNullOrWhiteSpace(options.FileSystem.Root) ? Path.Combine(dataDirectory, "objects") : options.FileSystem.Root;
            var publicBaseUrl = configuration.GetSection(AppOptions.Section).Get<AppOptions>()?.PublicBaseUrl ?? new AppOptions().PublicBaseUrl;
            services.AddSingleton(sp => new FileSystemObjectStorage(
                root, publicBaseUrl, DerivedKey(configuration, environment, dataDirectory, "MediaVault storage URL signatures v1"), sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<IObjectStorage>(sp => sp.GetRequiredService<FileSystemObjectStorage>());
        }
    }

    /// <summary>Adapters of sharing and account administration: accounts, secrets, link downloads and download URLs.</summary>
    private static void AddSharing(IServiceCollection services)
    {
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<IAccountAdministration, AccountAdministration>();
        services.AddSingleton<ISecretHasher, SecretHasher>();
        services.AddSingleton<IShareLinkUrls, ShareLinkUrls>();
        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddScoped<ILinkDownloadCounter, LinkDownloadCounter>();
        services.AddScoped<IDropUploadClaims, DropUploadClaims>();
        services.AddScoped<IStorageLedger, StorageLedger>();
        services.AddScoped<IActivityLog, EfActivityLog>();
        services.AddScoped<ILinkPasswordFailures, LinkPasswordFailures>();
        // The rate limits' counters, shared by every instance over the database (ADR-058).
        services.AddScoped<SharedRateLimiter>();
        services.AddHostedService<RateLimitWindowSweeper>();
    }

    /// <summary>The durable job queue: the port, the worker that runs the registered <see cref="IJobHandler"/>s, and its parts.</summary>
    private static void AddJobs(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<JobsOptions>(configuration.GetSection(JobsOptions.Section));
        services.AddSingleton<JobSignal>();
        services.AddSingleton<JobSignalInterceptor>();
        services.AddHttpContextAccessor();
        services.AddSingleton<AccountCheckInterceptor>();
        services.AddSingleton<JobStore>();
        services.AddSingleton<JobMetrics>();
        services.AddScoped<IJobQueue, EfJobQueue>();
        services.AddHostedService<JobWorker>();
        // PostgreSQL: jobs committed on other instances wake this one at once (ADR-081). SQLite has one instance.
        var provider = DatabaseProviderOf(configuration);
        if (provider == DatabaseProvider.Postgres && configuration.GetConnectionString("Default") is { Length: > 0 } connectionString)
        {
            services.AddHostedService(sp => ActivatorUtilities.CreateInstance<PostgresJobListener>(
                sp, PostgresJobListener.ConnectionStringFor(connectionString)));
        }
    }

    /// <summary>Media processing: the processor port, and the <c>media.process</c> job handler unless <c>Media__Enabled</c> is false.</summary>
    private static void AddMedia(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MediaOptions>(configuration.GetSection(MediaOptions.Section));
        services.AddSingleton<MediaTools>();
        services.AddScoped<IMediaProcessor, MediaProcessor>();
        if (configuration.GetSection(MediaOptions.Section).Get<MediaOptions>()?.Enabled ?? true)
        {
            services.AddScoped<IJobHandler, MediaJobHandler>();
        }
    }

    /// <summary>
    /// A key for one purpose (the embedded store's signed URLs, pagination cursors), derived (HKDF-SHA256) from the
    /// access-token signing key: there is no second secret to manage, every instance derives the same key, and a
    /// signature made for one purpose can never pass for another or for a token signature.
    /// </summary>
    private static byte[] DerivedKey(IConfiguration configuration, IHostEnvironment environment, string dataDirectory, string purpose)
    {
        var jwt = configuration.GetSection(JwtOptions.Section).Get<JwtOptions>() ?? new JwtOptions();
        var tokenKey = jwt.ResolveSigningKey(environment, dataDirectory);
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, tokenKey, 32, salt: [], info: System.Text.Encoding.UTF8.GetBytes(purpose));
    }

    private static void AddEmail(IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var options = configuration.GetSection(EmailOptions.Section).Get<EmailOptions>() ?? new EmailOptions();
        // Use cases queue mail as jobs in the database; the job worker delivers it through the configured adapter.
        if (options.Provider == EmailProvider.Smtp)
        {
            services.AddKeyedSingleton<IEmailSender, SmtpEmailSender>(EmailJobHandler.DeliveryKey);
        }
        else
        {
            var directory = string.IsNullOrWhiteSpace(options.PickupDirectory) ? Path.Combine(dataDirectory, "mail") : options.PickupDirectory;
            services.AddKeyedSingleton<IEmailSender>(EmailJobHandler.DeliveryKey, (sp, _) => new PickupEmailSender(
                sp.GetRequiredService<IOptions<EmailOptions>>(), directory, sp.GetRequiredService<ILogger<PickupEmailSender>>()));
        }

        services.AddScoped<IEmailSender, OutboxEmailSender>();
        services.AddScoped<IJobHandler, EmailJobHandler>();
    }
}
