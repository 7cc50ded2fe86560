using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using MediaVault.Application.Abstractions;
using MediaVault.Infrastructure.Configuration;

namespace MediaVault.Infrastructure.Storage;

/// <summary>
/// Amazon S3 or any S3-compatible server. The API only signs URLs and inspects objects; bytes bypass it. A presigned
/// PUT signs <c>Content-Type</c>, so the server refuses an upload of another type; the size is checked when the upload
/// is completed (a presigned PUT cannot bind the length).
/// </summary>
internal sealed class S3ObjectStorage(IAmazonS3 s3, S3StorageOptions options, TimeProvider clock) : IObjectStorage
{
    // Presigned URLs say https unless told otherwise, even for an http service URL (a local S3-compatible server).
    private readonly Protocol _protocol =
        options.ServiceUrl is { } url && url.Scheme == Uri.UriSchemeHttp ? Protocol.HTTP : Protocol.HTTPS;

    public async Task<PresignedRequest> PresignPutAsync(string key, string contentType, long sizeBytes, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var url = await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = options.Bucket,
            Key = key,
            Verb = HttpVerb.PUT,
            ContentType = contentType,
            Expires = ExpiryOf(expiresAt),
            Protocol = _protocol,
        });
        return new PresignedRequest(new Uri(url), new Dictionary<string, string> { ["Content-Type"] = contentType }, expiresAt);
    }

    public Task<string> StartMultipartUploadAsync(string key, string contentType, CancellationToken cancellationToken) =>
        CallAsync(async () =>
        {
            var response = await s3.InitiateMultipartUploadAsync(
                new InitiateMultipartUploadRequest { BucketName = options.Bucket, Key = key, ContentType = contentType }, cancellationToken);
            return response.UploadId;
        }, cancellationToken);

    public async Task<IReadOnlyList<PresignedPart>> PresignPartsAsync(
        string key, string uploadId, IReadOnlyList<long> partSizes, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partSizes);
        var parts = new List<PresignedPart>(partSizes.Count);
        for (var number = 1; number <= partSizes.Count; number++)
        {
            var url = await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
            {
                BucketName = options.Bucket,
                Key = key,
                Verb = HttpVerb.PUT,
                UploadId = uploadId,
                PartNumber = number,
                Expires = ExpiryOf(expiresAt),
                Protocol = _protocol,
            });
            parts.Add(new PresignedPart(number, new Uri(url)));
        }

        return parts;
    }

    public async Task<bool> CompleteMultipartUploadAsync(string key, string uploadId, IReadOnlyList<UploadedPart> parts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parts);
        try
        {
            await CallAsync(
                () => s3.CompleteMultipartUploadAsync(
                    new CompleteMultipartUploadRequest
                    {
                        BucketName = options.Bucket,
                        Key = key,
                        UploadId = uploadId,
                        PartETags = [.. parts.Select(p => new PartETag(p.PartNumber, p.ETag))],
                    },
                    cancellationToken),
                cancellationToken);
            return true;
        }
        catch (StorageUnavailableException e) when (e.InnerException is AmazonS3Exception { StatusCode: HttpStatusCode.BadRequest or HttpStatusCode.NotFound })
        {
            // InvalidPart, InvalidPartOrder, EntityTooSmall, NoSuchUpload: the client's parts do not make an object.
            return false;
        }
    }

    public async Task AbortMultipartUploadAsync(string key, string uploadId, CancellationToken cancellationToken)
    {
        try
        {
            await CallAsync(
                () => s3.AbortMultipartUploadAsync(
                    new AbortMultipartUploadRequest { BucketName = options.Bucket, Key = key, UploadId = uploadId }, cancellationToken),
                cancellationToken);
        }
        catch (StorageUnavailableException e) when (e.InnerException is AmazonS3Exception { StatusCode: HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed })
        {
            // Already gone, or a server that does not implement aborting (its parts are then its own business).
        }
    }

    public async Task<StoredObject?> HeadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var head = await CallAsync(
                () => s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = options.Bucket, Key = key }, cancellationToken),
                cancellationToken);
            return new StoredObject(head.ContentLength, head.Headers.ContentType);
        }
        catch (StorageUnavailableException e) when (e.InnerException is AmazonS3Exception { StatusCode: HttpStatusCode.NotFound })
        {
            return null;
        }
    }

    public async Task<Uri> PresignGetAsync(
        string key, string fileName, string contentType, DownloadDisposition disposition, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var request = new GetPreSignedUrlRequest
        {
            BucketName = options.Bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Expires = ExpiryOf(expiresAt),
            Protocol = _protocol,
        };
        // Script-capable types (SVG, anything XML, HTML) are never shown inline; S3 cannot add the sandboxing headers the
        // embedded store sends, so the disposition and a private, uncached response are what the URL can ask for.
        request.ResponseHeaderOverrides.ContentDisposition = ContentDispositions.Build(disposition, fileName, contentType);
        request.ResponseHeaderOverrides.CacheControl = ServedMedia.CacheControl;
        request.ResponseHeaderOverrides.ContentType = contentType;
        return new Uri(await s3.GetPreSignedURLAsync(request));
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await CallAsync(
                () => s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = options.Bucket, Key = key }, cancellationToken),
                cancellationToken);
        }
        catch (StorageUnavailableException e) when (e.InnerException is AmazonS3Exception { StatusCode: HttpStatusCode.NotFound })
        {
            // Already gone.
        }
    }

    /// <summary>A HEAD of a key that does not exist: a 404 proves the store and the bucket answer (listing is not needed).</summary>
    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        _ = await HeadAsync(".mediavault-probe", cancellationToken);
    }

    /// <summary>
    /// The SDK signs a lifetime in whole seconds from its own clock: round down, so the URL never outlives
    /// <paramref name="expiresAt"/> (for instance the grant that authorised it); one second at the least.
    /// </summary>
    private DateTime ExpiryOf(DateTimeOffset expiresAt)
    {
        var now = clock.GetUtcNow();
        var seconds = Math.Max(1, Math.Floor((expiresAt - now).TotalSeconds));
        return DateTime.UtcNow.AddSeconds(seconds);
    }

    private static async Task<T> CallAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (e is AmazonServiceException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new StorageUnavailableException("The object store did not answer.", e);
        }
    }
}
