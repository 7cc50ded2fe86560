namespace MediaVault.Application.Assets;

/// <summary>
/// The limits and lifetimes the asset use cases apply, read from configuration by the host (<c>Assets__*</c> and
/// <c>Storage__*TtlSeconds</c>, see the API contract).
/// </summary>
public sealed record AssetSettings
{
    /// <summary>S3 refuses parts under 5 MiB (except the last) and more than 10,000 parts.</summary>
    public const long MinimumPartSizeBytes = 5L * 1024 * 1024;

    public const int MaximumPartCount = 10_000;

    public long MaxSizeBytes { get; init; } = 5L * 1024 * 1024 * 1024;

    /// <summary>Above this size an upload is multipart.</summary>
    public long MultipartThresholdBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>The preferred part size of a multipart upload (raised when the file would need more than 10,000 parts).</summary>
    public long MultipartPartSizeBytes { get; init; } = 16L * 1024 * 1024;

    public TimeSpan UploadUrlTtl { get; init; } = TimeSpan.FromSeconds(900);

    public TimeSpan DownloadUrlTtl { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>How long after its upload window a pending upload is kept before the sweeper purges it.</summary>
    public TimeSpan UploadGracePeriod { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long a deleted asset stays in the trash before it is purged (<c>Assets__TrashRetentionDays</c>, default 30).</summary>
    public TimeSpan TrashRetention { get; init; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long after an owner's purge request its <c>asset.purge</c> job waits before it finishes a purge the request
    /// could not (<c>Assets__PurgeRetrySeconds</c>, default 60); the request purges at once when it can.
    /// </summary>
    public TimeSpan PurgeRetryDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The part size for a file of <paramref name="sizeBytes"/>: the configured one, at least 5 MiB, at most 10,000 parts.</summary>
    public long PartSizeFor(long sizeBytes)
    {
        var partSize = Math.Max(MultipartPartSizeBytes, MinimumPartSizeBytes);
        var needed = (sizeBytes + MaximumPartCount - 1) / MaximumPartCount;
        return Math.Max(partSize, needed);
    }

    /// <summary>The sizes of the parts of a file of <paramref name="sizeBytes"/>: all <see cref="PartSizeFor"/> but the last.</summary>
    public IReadOnlyList<long> PartSizes(long sizeBytes)
    {
        var partSize = PartSizeFor(sizeBytes);
        var count = (int)((sizeBytes + partSize - 1) / partSize);
        return [.. Enumerable.Range(0, count).Select(i => i < count - 1 ? partSize : sizeBytes - (partSize * (count - 1)))];
    }
}
