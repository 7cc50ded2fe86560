using System.Globalization;
using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using MediaVault.Application.Abstractions;
using MediaVault.Infrastructure.Configuration;

namespace MediaVault.Infrastructure.Storage;

/// <summary>
/// Amazon S3 or any S3-compatible server. The API only signs URLs and inspects, copies and lists objects; bytes bypass
/// it. A presigned PUT signs <c>Content-Type</c> and <c>Content-Length</c>, so the server refuses an upload of another
/// type or length; both are checked again when the upload is completed. Promoting a staged object is a server-side copy
/// (<c>CopyObject</c>, or <c>UploadPartCopy</c> in parts above <see cref="SingleCopyLimitBytes"/>, so that no request
/// runs longer than the client's timeout and objects over S3's 5 GiB single-copy limit work) followed by a delete.
/// </summary>
internal sealed class S3ObjectStorage(IAmazonS3 s3, S3UrlSigner signer, S3StorageOptions options, TimeProvider clock) : IObjectStorage
{
    /// <summary>
    /// Before signing, writes <c>x-amz-copy-source</c> with its slashes as they are (<c>bucket/staging-id</c>), as
    /// the AWS CLI and boto send it, instead of the SDK's <c>%2F</c>. AWS reads both; several S3-compatible servers
    /// (s3rver among them) decode the header with <c>decodeURI</c>, which keeps <c>%2F</c>, and would not find the
    /// staged object. Our keys hold only letters, digits, <c>-</c> and <c>/</c>, so nothing else needs encoding.
    /// </summary>
    public static void SendCopySourceWithPlainSlashes(object sender, RequestEventArgs e)
    {
        if (e is WebServiceRequestEventArgs request
            && request.Headers.TryGetValue(CopySourceHeader, out var source)
            && source.Contains("%2F", StringComparison.OrdinalIgnoreCase))
        {
            request.Headers[CopySourceHeader] = source.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        }
    }

    private const string CopySourceHeader = "x-amz-copy-source";

    /// <summary>Up to this size a promote is one <c>CopyObject</c>; above it, a multipart copy in parts of this size.</summary>
    internal const long SingleCopyLimitBytes = 64L * 1024 * 1024;

    private const long MinimumPartSizeBytes = 5L * 1024 * 1024;
    private const int MaximumPartCount = 10_000;
    private const int CopyParallelism = 4;

    public Task<PresignedRequest> PresignPutAsync(string key, string contentType, long sizeBytes, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        // Both headers are signed: an upload of another type or length fails the signature.
        var url = signer.Presign(
            "PUT",
            key,
            SigningNow(),
            LifetimeUntil(expiresAt),
            headers: [new("content-length", sizeBytes.ToString(CultureInfo.InvariantCulture)), new("content-type", contentType)]);
        return Task.FromResult(new PresignedRequest(url, new Dictionary<string, string> { ["Content-Type"] = contentType }, expiresAt));
    }

    public Task<string> StartMultipartUploadAsync(string key, string contentType, CancellationToken cancellationToken) =>
        CallAsync(async () =>
        {
            var response = await s3.InitiateMultipartUploadAsync(
                new InitiateMultipartUploadRequest { BucketName = options.Bucket, Key = key, ContentType = contentType }, cancellationToken);
            return response.UploadId;
        }, cancellationToken);

    public Task<IReadOnlyList<PresignedPart>> PresignPartsAsync(
        string key, string uploadId, IReadOnlyList<long> partSizes, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partSizes);
        var now = SigningNow();
        var lifetime = LifetimeUntil(expiresAt);
        var parts = new List<PresignedPart>(partSizes.Count);
        for (var number = 1; number <= partSizes.Count; number++)
        {
            var url = signer.Presign(
                "PUT", key, now, lifetime, query: [new("partNumber", number.ToString(CultureInfo.InvariantCulture)), new("uploadId", uploadId)]);
            parts.Add(new PresignedPart(number, url));
        }

        return Task.FromResult<IReadOnlyList<PresignedPart>>(parts);
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

    public Task<Uri> PresignGetAsync(
        string key, string fileName, string contentType, DownloadDisposition disposition, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        // Script-capable types (SVG, anything XML, HTML) are never shown inline; S3 cannot add the sandboxing headers the
        // embedded store sends, so the disposition and a private, uncached response are what the URL can ask for.
        return Task.FromResult(signer.Presign(
            "GET",
            key,
            SigningNow(),
            LifetimeUntil(expiresAt),
            query:
            [
                new("response-cache-control", ServedMedia.CacheControl),
                new("response-content-disposition", ContentDispositions.Build(disposition, fileName, contentType)),
                new("response-content-type", contentType),
            ]));
    }

    public async Task<bool> PromoteAsync(string fromKey, string toKey, StoredObject stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        // The caller has just seen the staged object. A server that answers a PUT before all of the object is in place
        // (s3rver under parallel load) can still miss it for a moment: look again, briefly, before calling it gone.
        for (var attempt = 1; ; attempt++)
        {
            if (await TryCopyAsync(fromKey, toKey, stored, cancellationToken))
            {
                break;
            }

            if (attempt == PromoteAttempts)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), cancellationToken);
        }

        await DeleteAsync(fromKey, cancellationToken);
        return true;
    }

    private const int PromoteAttempts = 3;

    private async Task<bool> TryCopyAsync(string fromKey, string toKey, StoredObject stored, CancellationToken cancellationToken)
    {
        try
        {
            if (stored.SizeBytes <= SingleCopyLimitBytes)
            {
                await CallAsync(
                    () => s3.CopyObjectAsync(
                        new CopyObjectRequest
                        {
                            SourceBucket = options.Bucket,
                            SourceKey = fromKey,
                            DestinationBucket = options.Bucket,
                            DestinationKey = toKey,
                            MetadataDirective = S3MetadataDirective.COPY,
                        },
                        cancellationToken),
                    cancellationToken);
            }
            else
            {
                await CopyInPartsAsync(fromKey, toKey, stored, cancellationToken);
            }
        }
        catch (StorageUnavailableException e) when (e.InnerException is AmazonS3Exception { StatusCode: HttpStatusCode.NotFound })
        {
            return false;
        }

        return true;
    }

    public async Task<ObjectListing> ListAsync(string prefix, string? continuationToken, int maxKeys, CancellationToken cancellationToken)
    {
        var response = await CallAsync(
            () => s3.ListObjectsV2Async(
                new ListObjectsV2Request
                {
                    BucketName = options.Bucket,
                    Prefix = prefix,
                    ContinuationToken = continuationToken,
                    MaxKeys = Math.Clamp(maxKeys, 1, 1000),
                },
                cancellationToken),
            cancellationToken);
        var objects = (response.S3Objects ?? [])
            .Select(o => new ListedObject(
                o.Key,
                o.Size ?? 0,
                o.LastModified is { } modified ? new DateTimeOffset(DateTime.SpecifyKind(modified.ToUniversalTime(), DateTimeKind.Utc)) : DateTimeOffset.MinValue))
            .ToList();
        return new ObjectListing(objects, response.IsTruncated == true ? response.NextContinuationToken : null);
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

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await CallAsync(
                () => s3.GetObjectAsync(new GetObjectRequest { BucketName = options.Bucket, Key = key }, cancellationToken),
                cancellationToken);
            return new ResponseStream(response);
        }
        catch (StorageUnavailableException e) when (e.InnerException is AmazonS3Exception { StatusCode: HttpStatusCode.NotFound })
        {
            return null;
        }
    }

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        await CallAsync(
            () => s3.PutObjectAsync(
                new PutObjectRequest
                {
                    BucketName = options.Bucket,
                    Key = key,
                    InputStream = content,
                    AutoCloseStream = false,
                    ContentType = contentType,
                    // Chunked bodies are stored corrupted by some S3-compatible servers.
                    UseChunkEncoding = false,
                },
                cancellationToken),
            cancellationToken);
    }

    /// <summary>A HEAD of a key that does not exist: a 404 proves the store and the bucket answer (listing is not needed).</summary>
    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        _ = await HeadAsync(".mediavault-probe", cancellationToken);
    }

    private async Task CopyInPartsAsync(string fromKey, string toKey, StoredObject stored, CancellationToken cancellationToken)
    {
        var size = stored.SizeBytes;
        var partSize = Math.Max(Math.Max(SingleCopyLimitBytes, MinimumPartSizeBytes), (size + MaximumPartCount - 1) / MaximumPartCount);
        var partCount = (int)((size + partSize - 1) / partSize);
        var uploadId = await StartMultipartUploadAsync(toKey, stored.ContentType ?? "application/octet-stream", cancellationToken);
        try
        {
            var etags = new PartETag[partCount];
            await Parallel.ForEachAsync(
                Enumerable.Range(1, partCount),
                new ParallelOptions { MaxDegreeOfParallelism = CopyParallelism, CancellationToken = cancellationToken },
                async (number, token) =>
                {
                    var first = (number - 1) * partSize;
                    var response = await CallAsync(
                        () => s3.CopyPartAsync(
                            new CopyPartRequest
                            {
                                SourceBucket = options.Bucket,
                                SourceKey = fromKey,
                                DestinationBucket = options.Bucket,
                                DestinationKey = toKey,
                                UploadId = uploadId,
                                PartNumber = number,
                                FirstByte = first,
                                LastByte = Math.Min(size, first + partSize) - 1,
                            },
                            token),
                        token);
                    etags[number - 1] = new PartETag(number, response.ETag);
                });
            await CallAsync(
                () => s3.CompleteMultipartUploadAsync(
                    new CompleteMultipartUploadRequest { BucketName = options.Bucket, Key = toKey, UploadId = uploadId, PartETags = [.. etags] },
                    cancellationToken),
                cancellationToken);
        }
        catch (Exception)
        {
            try
            {
                await AbortMultipartUploadAsync(toKey, uploadId, CancellationToken.None);
            }
            catch (StorageUnavailableException)
            {
                // The original failure is the one to report; an unfinished upload is the store's to expire.
            }

            throw;
        }
    }

    /// <summary>
    /// The store judges a URL by its own clock, so a URL is dated by the real one (as the SDK dates its requests), not
    /// by the application's <see cref="TimeProvider"/>; its lifetime is what is left until <c>expiresAt</c> on the
    /// application's clock.
    /// </summary>
    private static DateTimeOffset SigningNow() => TimeProvider.System.GetUtcNow();

    /// <summary>
    /// A lifetime in whole seconds, rounded down so that the URL never outlives <paramref name="expiresAt"/> (for
    /// instance the grant that authorised it); one second at the least, seven days at the most (S3's limit).
    /// </summary>
    private TimeSpan LifetimeUntil(DateTimeOffset expiresAt)
    {
        var seconds = Math.Max(1, Math.Floor((expiresAt - clock.GetUtcNow()).TotalSeconds));
        return TimeSpan.FromSeconds(Math.Min(seconds, S3UrlSigner.LongestLifetime.TotalSeconds));
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

    /// <summary>The body of a GET, disposing the response with it.</summary>
    private sealed class ResponseStream(GetObjectResponse response) : Stream
    {
        private readonly Stream _body = response.ResponseStream;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => response.ContentLength;

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => _body.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _body.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            _body.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _body.Dispose();
                response.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
