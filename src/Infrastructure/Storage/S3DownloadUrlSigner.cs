using Amazon.S3;
using Amazon.S3.Model;
using MediaVault.Application.Abstractions;
using MediaVault.Infrastructure.Configuration;
using Microsoft.Extensions.Options;

namespace MediaVault.Infrastructure.Storage;

/// <summary>
/// Presigned S3 GETs (SigV4, computed locally: no call to the store). The response's Content-Type and Content-Disposition
/// are signed overrides, so the holder gets the declared type and file name whatever the object's metadata says.
/// </summary>
internal sealed class S3DownloadUrlSigner(IAmazonS3 s3, IOptions<StorageOptions> storage, TimeProvider clock) : IDownloadUrlSigner
{
    public TimeSpan DefaultTtl => TimeSpan.FromSeconds(storage.Value.DownloadUrlTtlSeconds);

    public async Task<PresignedDownload> SignDownloadAsync(
        string key, string fileName, string contentType, bool inlineDisposition, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var options = storage.Value.S3;
        // Whole seconds: SigV4 states the lifetime in seconds from a signing time that is itself cut to the second.
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(clock.GetUtcNow().ToUnixTimeSeconds() + (long)Math.Floor(ttl.TotalSeconds));
        var request = new GetPreSignedUrlRequest
        {
            BucketName = options.Bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Expires = expiresAt.UtcDateTime,
            // The SDK writes https unless told otherwise, even for an http service URL.
            Protocol = options.ServiceUrl is { Scheme: "http" } ? Protocol.HTTP : Protocol.HTTPS,
        };
        request.ResponseHeaderOverrides.ContentType = contentType;
        request.ResponseHeaderOverrides.ContentDisposition = ContentDispositions.For(fileName, inlineDisposition);
        var url = await s3.GetPreSignedURLAsync(request);
        return new PresignedDownload(new Uri(url, UriKind.Absolute), expiresAt);
    }
}
