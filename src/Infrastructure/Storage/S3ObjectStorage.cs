using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using MediaVault.Application.Abstractions;
using MediaVault.Infrastructure.Configuration;

namespace MediaVault.Infrastructure.Storage;

/// <summary>Amazon S3 or any S3-compatible server. The API only signs URLs and inspects objects; bytes bypass it.</summary>
internal sealed class S3ObjectStorage(IAmazonS3 s3, S3StorageOptions options) : IObjectStorage
{
    public async Task<StoredObject?> HeadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var head = await s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = options.Bucket, Key = key }, cancellationToken);
            return new StoredObject(head.ContentLength, head.Headers.ContentType);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (Exception e) when (e is AmazonServiceException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new StorageUnavailableException("The object store did not answer.", e);
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = options.Bucket, Key = key }, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            // Already gone.
        }
    }

    /// <summary>A HEAD of a key that does not exist: a 404 proves the store and the bucket answer (listing is not needed).</summary>
    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        _ = await HeadAsync(".mediavault-probe", cancellationToken);
    }
}
