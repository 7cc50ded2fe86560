using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets.Specifications;
using MediaVault.Domain.Assets;
using Microsoft.Extensions.Logging;

namespace MediaVault.Application.Assets.ReconcileStorage;

/// <summary><see cref="PageSize"/>: objects per listing page, and rows per page of ready assets.</summary>
public sealed record ReconcileStorageCommand(int PageSize = 1000);

/// <summary>
/// What one pass found: <see cref="OrphanedObjects"/> objects no row owns (of which <see cref="OrphansRemoved"/> were
/// old enough to remove) and <see cref="MissingObjects"/> ready assets whose object is not in the store.
/// </summary>
public sealed record ReconciliationReport(int ObjectsScanned, int OrphanedObjects, int OrphansRemoved, int MissingObjects);

/// <summary>
/// Compares the object store with the asset rows. An object under <c>assets/</c> or <c>staging-</c> is owned when a row
/// has it as its storage key (whatever the status: a promote runs before the row turns ready), or as the staging key of
/// a pending asset (a dropped file's named after its upload id hash); any other object is an orphan (a write to an upload URL after complete or delete, a removal after a
/// commit that failed, a promote whose row was purged). Orphans last written more than the upload URL lifetime plus the
/// grace period ago are removed: no upload URL that could still write them is alive, and no row can come to own them
/// (asset ids are never reused). A ready asset whose object is missing is only reported. Everything found is logged
/// (a warning per object, and the counts).
/// </summary>
public sealed partial class ReconcileStorageHandler(
    IReadRepository<Asset> assets, IObjectStorage storage, TimeProvider clock, AssetSettings settings, ILogger<ReconcileStorageHandler> logger)
{
    public async Task<Result<ReconciliationReport>> HandleAsync(ReconcileStorageCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var pageSize = Math.Clamp(command.PageSize, 1, 1000);
        var startedAt = clock.GetUtcNow();
        var removeWrittenBefore = startedAt - settings.UploadUrlTtl - settings.UploadGracePeriod;
        var seen = new HashSet<AssetId>();
        int scanned = 0, orphaned = 0, removed = 0;
        foreach (var prefix in (string[])[StorageKeys.FinalPrefix, StorageKeys.StagingPrefix])
        {
            string? token = null;
            do
            {
                var page = await storage.ListAsync(prefix, token, pageSize, cancellationToken);
                var ids = page.Objects.Select(o => StorageKeys.TryParseAssetId(o.Key, out var id) ? id : (AssetId?)null).OfType<AssetId>().Distinct().ToList();
                var rows = ids.Count == 0 ? [] : await assets.ListAsync(new AssetStorageStateByIdsSpec(ids), cancellationToken);
                var byId = rows.ToDictionary(r => r.Id);
                var dropHashes = page.Objects.Select(o => StorageKeys.TryParseDropUploadHash(o.Key, out var hash) ? hash : null).OfType<string>().Distinct().ToList();
                var pendingDrops = (dropHashes.Count == 0 ? [] : await assets.ListAsync(new PendingDropHashesSpec(dropHashes), cancellationToken)).ToHashSet(StringComparer.Ordinal);
                foreach (var listed in page.Objects)
                {
                    scanned++;
                    if (StorageKeys.TryParseAssetId(listed.Key, out var id) && byId.TryGetValue(id, out var row))
                    {
                        if (listed.Key == row.StorageKey)
                        {
                            seen.Add(id);
                            continue;
                        }

                        if (row.Status == AssetStatus.Pending && listed.Key == StorageKeys.StagingKeyOf(row.Id))
                        {
                            continue;
                        }
                    }

                    if (StorageKeys.TryParseDropUploadHash(listed.Key, out var dropHash) && pendingDrops.Contains(dropHash))
                    {
                        continue;
                    }

                    orphaned++;
                    var remove = listed.LastModified <= removeWrittenBefore;
                    LogOrphan(logger, listed.Key, listed.SizeBytes, listed.LastModified, remove);
                    if (remove)
                    {
                        await storage.DeleteAsync(listed.Key, cancellationToken);
                        removed++;
                    }
                }

                token = page.ContinuationToken;
            }
            while (token is not null);
        }

        var missing = 0;
        for (var skip = 0; ; skip += pageSize)
        {
            var ready = await assets.ListAsync(new ReadyAssetStorageStatePageSpec(skip, pageSize), cancellationToken);
            // A row that turned ready after the listing began may have had its object promoted behind the listing.
            foreach (var row in ready.Where(r => !seen.Contains(r.Id) && r.UpdatedAt < startedAt))
            {
                missing++;
                LogMissing(logger, row.Id.Value, row.StorageKey);
            }

            if (ready.Count < pageSize)
            {
                break;
            }
        }

        LogPass(logger, scanned, orphaned, removed, missing);
        return Result.Success(new ReconciliationReport(scanned, orphaned, removed, missing));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored object {Key} ({Size} bytes, written {LastModified:o}) belongs to no asset; removed: {Removed}")]
    private static partial void LogOrphan(ILogger logger, string key, long size, DateTimeOffset lastModified, bool removed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ready asset {AssetId} has no stored object at {Key}")]
    private static partial void LogMissing(ILogger logger, Guid assetId, string key);

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage reconciliation: {Scanned} objects scanned, {Orphaned} orphaned ({Removed} removed), {Missing} ready assets without an object")]
    private static partial void LogPass(ILogger logger, int scanned, int orphaned, int removed, int missing);
}
