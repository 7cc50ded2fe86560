using MediaVault.Application.Sharing;

namespace MediaVault.Infrastructure.Configuration;

/// <summary><c>Database__Provider</c>: <c>Sqlite</c> (default, embedded) or <c>Postgres</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class StorageOptions
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.FileSystem;

    public int UploadUrlTtlSeconds { get; set; } = 900;

    public int DownloadUrlTtlSeconds { get; set; } = 300;

    public FileSystemStorageOptions FileSystem { get; set; } = new();

    public S3StorageOptions S3 { get; set; } = new();
}

public enum StorageProvider
{
    FileSystem,
    S3,
}

public sealed class FileSystemStorageOptions
{
    /// <summary>Folder for objects; default <c>{data folder}/objects</c>.</summary>
    public string? Root { get; set; }
}

public sealed class S3StorageOptions
{
    public Uri? ServiceUrl { get; set; }

    public string Region { get; set; } = "us-east-1";

    public string Bucket { get; set; } = string.Empty;

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    public bool ForcePathStyle { get; set; }
}

public sealed class EmailOptions
{
    public const string Section = "Email";

    public EmailProvider Provider { get; set; } = EmailProvider.Pickup;

    public string From { get; set; } = "MediaVault <no-reply@mediavault.local>";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Folder for <c>.eml</c> files of the pickup provider; default <c>{data folder}/mail</c>.</summary>
    public string? PickupDirectory { get; set; }
}

public enum EmailProvider
{
    Pickup,
    Smtp,
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 25;
}

public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>Absolute base URL used in e-mailed links and share-link URLs.</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://localhost:5000");

    /// <summary>
    /// Where the embedded defaults keep their files (SQLite database, objects, pickup mail, development signing key);
    /// default <c>.data</c> under the content root.
    /// </summary>
    public string? DataDirectory { get; set; }
}

public sealed class AssetsOptions
{
    public const string Section = "Assets";

    public long MaxSizeBytes { get; set; } = 5L * 1024 * 1024 * 1024;

    public long DefaultQuotaBytes { get; set; } = 10L * 1024 * 1024 * 1024;

    public long MultipartThresholdBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary><c>Assets__MultipartPartSizeBytes</c>: preferred part size of a multipart upload (at least 5 MiB).</summary>
    public long MultipartPartSizeBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary><c>Assets__SweepIntervalSeconds</c>: how often the sweeper looks for abandoned uploads; 0 turns it off.</summary>
    public int SweepIntervalSeconds { get; set; } = 60;

    /// <summary>
    /// <c>Assets__ReconcileIntervalSeconds</c>: how often the sweeper compares the object store with the asset rows,
    /// reports the differences and removes orphaned objects older than the upload URL lifetime plus the grace period;
    /// 0 turns it off.
    /// </summary>
    public int ReconcileIntervalSeconds { get; set; } = 21_600;

    /// <summary><c>Assets__UploadGraceSeconds</c>: how long after its upload window a pending upload is kept before it is purged.</summary>
    public int UploadGraceSeconds { get; set; } = 3600;

    /// <summary><c>Assets__TrashRetentionDays</c>: how long a deleted asset stays in the trash before it is purged (fractions allowed).</summary>
    public double TrashRetentionDays { get; set; } = 30;

    /// <summary><c>Assets__PurgeRetrySeconds</c>: when the job of a purge the owner requested finishes what the request could not.</summary>
    public int PurgeRetrySeconds { get; set; } = 60;
}

/// <summary>The policy of public links, asset and collection links alike (<c>Links__*</c>).</summary>
public sealed class LinksOptions
{
    public const string Section = "Links";

    /// <summary><c>Links__MinPasswordLength</c>: the shortest password a public link may ask for (default 8).</summary>
    public int MinPasswordLength { get; set; } = 8;

    /// <summary><c>Links__DefaultExpiryDays</c>: the expiry of a link created without <c>expiresAt</c> (unset: none).</summary>
    public int? DefaultExpiryDays { get; set; }

    /// <summary><c>Links__MaxExpiryDays</c>: the latest expiry a link may have; a link without one is refused (unset: no maximum).</summary>
    public int? MaxExpiryDays { get; set; }

    /// <summary>The policy as the use cases apply it; a setting out of range stops the host at start-up with its name.</summary>
    public LinkSettings ToSettings()
    {
        if (MinPasswordLength is < 1 or > LinkSettings.PasswordMaxLength)
        {
            throw new InvalidOperationException($"Links__MinPasswordLength must be from 1 to {LinkSettings.PasswordMaxLength}.");
        }

        if (DefaultExpiryDays is < 1 or > 36_500)
        {
            throw new InvalidOperationException("Links__DefaultExpiryDays must be from 1 to 36500 days.");
        }

        if (MaxExpiryDays is < 1 or > 36_500)
        {
            throw new InvalidOperationException("Links__MaxExpiryDays must be from 1 to 36500 days.");
        }

        if (DefaultExpiryDays > MaxExpiryDays)
        {
            throw new InvalidOperationException("Links__DefaultExpiryDays must not exceed Links__MaxExpiryDays.");
        }

        return new LinkSettings(MinPasswordLength, DefaultExpiryDays, MaxExpiryDays);
    }
}

/// <summary>
/// <c>Admin__Emails</c>: comma-separated addresses whose accounts become admins once their password was set through a
/// reset link mailed to them (verification alone never makes an admin).
/// </summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    public string? Emails { get; set; }
}

/// <summary><c>RateLimiting__AuthPermitsPerMinute</c>: calls to the auth endpoints allowed per client address and minute.</summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    public int AuthPermitsPerMinute { get; set; } = 20;

    public int PublicLinkPermitsPerMinute { get; set; } = 60;
}

/// <summary>The durable job queue (<c>Jobs__…</c>): how often workers look for work, and how long a claim holds.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>
    /// <c>Jobs__PollIntervalMilliseconds</c>: the longest an idle worker sleeps when it knows of no job coming due. It
    /// wakes earlier when a job becomes due (a retry, a lease that passes), and at once when a job is committed on this
    /// instance or, on PostgreSQL, on any instance (ADR-081).
    /// </summary>
    public int PollIntervalMilliseconds { get; set; } = 30000;

    /// <summary><c>Jobs__LeaseSeconds</c>: how long a claim holds without renewal; a running job whose lease passed is taken over.</summary>
    public int LeaseSeconds { get; set; } = 30;

    /// <summary><c>Jobs__RetryBaseMilliseconds</c>: the delay before the first retry; it doubles with each further attempt (with jitter).</summary>
    public int RetryBaseMilliseconds { get; set; } = 5000;

    /// <summary><c>Jobs__RetryMaxSeconds</c>: the longest delay between two attempts.</summary>
    public int RetryMaxSeconds { get; set; } = 3600;

    /// <summary><c>Jobs__SucceededRetentionHours</c>: how long succeeded jobs are kept before they are deleted (dead jobs are kept).</summary>
    public double SucceededRetentionHours { get; set; } = 24;

    /// <summary><c>Jobs__CleanupIntervalSeconds</c>: how often a worker deletes succeeded jobs past their retention.</summary>
    public int CleanupIntervalSeconds { get; set; } = 300;
}
