using MediaVault.Application.Abstractions;
using Microsoft.Extensions.Logging;

namespace MediaVault.Application.Assets;

/// <summary>Removes what the store holds for an asset whose row is already gone (after the commit).</summary>
internal static partial class StoredObjects
{
    /// <summary>
    /// Best effort: the database change is committed and stands, so a store that fails here only leaves an orphaned
    /// object, which is logged with its key.
    /// </summary>
    public static async Task RemoveAsync(IObjectStorage storage, string key, string? multipartUploadId, ILogger logger)
    {
        // Not the request's token: a client hanging up after the commit must not leave the object behind.
        var cancellationToken = CancellationToken.None;
        try
        {
            if (multipartUploadId is not null)
            {
                await storage.AbortMultipartUploadAsync(key, multipartUploadId, cancellationToken);
            }

            await storage.DeleteAsync(key, cancellationToken);
        }
#pragma warning disable CA1031 // Any failure of the store is logged, never surfaced: the deletion is already committed.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogOrphan(logger, e, key);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The stored object {Key} could not be removed and is left behind")]
    private static partial void LogOrphan(ILogger logger, Exception exception, string key);
}
