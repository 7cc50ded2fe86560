namespace MediaVault.Application.Abstractions;

/// <summary>A URL that lets its holder GET one stored object until <see cref="ExpiresAt"/>.</summary>
public sealed record PresignedDownload(Uri Url, DateTimeOffset ExpiresAt);

/// <summary>
/// Signs short-lived download URLs for stored objects: the bytes go from the store to the client, never through the API.
/// </summary>
public interface IDownloadUrlSigner
{
    /// <summary>The configured lifetime of download URLs (<c>Storage__DownloadUrlTtlSeconds</c>); callers may ask for less.</summary>
    TimeSpan DefaultTtl { get; }

    /// <summary>
    /// A URL for the object under <paramref name="key"/>, answered with <paramref name="contentType"/> and a
    /// Content-Disposition naming <paramref name="fileName"/> (inline when <paramref name="inlineDisposition"/>, else as an attachment), valid for <paramref name="ttl"/>.
    /// </summary>
    Task<PresignedDownload> SignDownloadAsync(string key, string fileName, string contentType, bool inlineDisposition, TimeSpan ttl, CancellationToken cancellationToken);
}
