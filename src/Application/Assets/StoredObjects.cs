using MediaVault.Application.Abstractions;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Media;
using Microsoft.Extensions.Logging;

namespace MediaVault.Application.Assets;

/// <summary>
/// Removes what the store holds for an asset whose row is already gone (after the commit): its unfinished multipart
/// upload, its staging object, its final object and its renditions.
/// </summary>
internal static partial class StoredObjects
{
    /// <summary>
    /// Best effort: the database change is committed and stands, so a store that fails here only leaves an orphaned
    /// object, which is logged with its key.
    /// </summary>
    public static Task RemoveAsync(IObjectStorage storage, Asset asset, bool abortMultipartUpload, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(asset);
        string[] keys = [StorageKeys.StagingKeyOf(asset), asset.StorageKey, .. asset.Renditions.Select(r => Rendition.StorageKeyFor(asset.Id, r.Name))];
        return RemoveAsync(storage, keys, abortMultipartUpload ? asset.MultipartUploadId : null, logger);
    }

    /// <summary>
    /// Aborts the multipart upload (it targets the first key), then deletes every key: the staging key, the final key and
    /// the rendition keys of an asset, whichever exist.
    /// </summary>
    public static async Task RemoveAsync(IObjectStorage storage, IReadOnlyList<string> keys, string? multipartUploadId, ILogger logger)
    {
        // Not the request's token: a client hanging up after the commit must not leave the object behind.
        var cancellationToken = CancellationToken.None;
        try
        {
            if (multipartUploadId is not null)
            {
                await storage.AbortMultipartUploadAsync(keys[0], multipartUploadId, cancellationToken);
            }

            foreach (var key in keys)
            {
                await storage.DeleteAsync(key, cancellationToken);
            }
        }
#pragma warning disable CA1031 // Any failure of the store is logged, never surfaced: the deletion is already committed.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogOrphan(logger, e, string.Join(", ", keys));
        }
    }

    /// <summary>
    /// Deletes the staging, final and rendition objects of an asset whose row still exists (a purge): a failure of the
    /// store throws, for the caller to retry before it removes the row; a missing object is not a failure.
    /// </summary>
    public static async Task RemoveOrThrowAsync(IObjectStorage storage, Asset asset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(asset);
        string[] keys = [StorageKeys.StagingKeyOf(asset), asset.StorageKey, .. asset.Renditions.Select(r => Rendition.StorageKeyFor(asset.Id, r.Name))];
        foreach (var key in keys)
        {
            await storage.DeleteAsync(key, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The stored objects {Keys} could not all be removed; what is left is removed by the reconciliation")]
    private static partial void LogOrphan(ILogger logger, Exception exception, string keys);
}
