using System.Globalization;
using MediaVault.Application.Abstractions;
using MediaVault.Infrastructure.Configuration;
using Microsoft.Extensions.Options;

namespace MediaVault.Infrastructure.Storage;

/// <summary>
/// Download URLs for the embedded file-system store: the API itself serves the object at
/// <c>{App__PublicBaseUrl}/api/v1/storage/objects/{key}</c>, checking the HMAC signature, the expiry and the response
/// headers it signs (see <see cref="CanonicalString"/>). The serving endpoint belongs to the storage work.
/// </summary>
internal sealed class FileSystemDownloadUrlSigner(UrlSigner signer, IOptions<AppOptions> app, IOptions<StorageOptions> storage, TimeProvider clock)
    : IDownloadUrlSigner
{
    public const string PathPrefix = "api/v1/storage/objects/";

    public TimeSpan DefaultTtl => TimeSpan.FromSeconds(storage.Value.DownloadUrlTtlSeconds);

    public Task<PresignedDownload> SignDownloadAsync(
        string key, string fileName, string contentType, bool inlineDisposition, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(clock.GetUtcNow().ToUnixTimeSeconds() + (long)Math.Floor(ttl.TotalSeconds));
        var expires = expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var disposition = ContentDispositions.For(fileName, inlineDisposition);
        var signature = signer.Sign(CanonicalString(key, expires, contentType, disposition));
        var root = app.Value.PublicBaseUrl.AbsoluteUri.TrimEnd('/');
        var path = string.Join('/', key.Split('/').Select(Uri.EscapeDataString));
        var url = new Uri(
            $"{root}/{PathPrefix}{path}?expires={expires}"
            + $"&contentType={Uri.EscapeDataString(contentType)}"
            + $"&disposition={Uri.EscapeDataString(disposition)}"
            + $"&signature={signature}",
            UriKind.Absolute);
        return Task.FromResult(new PresignedDownload(url, expiresAt));
    }

    /// <summary>What a download URL signs: method, object key, expiry (Unix seconds) and the two response headers.</summary>
    public static string CanonicalString(string key, string expires, string contentType, string disposition) =>
        string.Join('\n', "GET", key, expires, contentType, disposition);
}
