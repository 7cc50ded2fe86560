using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets.Specifications;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Owners;
using Microsoft.Extensions.Logging;

namespace MediaVault.Application.Assets.PurgeAbandonedUploads;

/// <summary>Purge at most <see cref="BatchSize"/> abandoned uploads in one transaction.</summary>
public sealed record PurgeAbandonedUploadsCommand(int BatchSize = 100);

/// <summary>
/// The sweeper's work: pending assets whose upload window closed more than the grace period ago are purged: the row
/// (with grants and links), the reservation on the owner's quota, and, after the commit, the staging object, the final
/// object (a promote whose database write failed leaves one) and any unfinished multipart upload. The assets are claimed (row-locked) first and re-checked inside the claim, so an upload
/// completing at the same moment is either purged before it completes (its complete then fails) or never touched.
/// Run each batch in a unit of work (scope) of its own: owners read in an earlier batch would be stale.
/// </summary>
public sealed class PurgeAbandonedUploadsHandler(
    IAbandonedUploadClaims claims,
    IRepository<Asset> assets,
    IReadRepository<Owner> owners,
    IStorageLedger ledger,
    IObjectStorage storage,
    TimeProvider clock,
    AssetSettings settings,
    ILogger<PurgeAbandonedUploadsHandler> logger)
{
    /// <summary>Returns how many uploads were purged.</summary>
    public async Task<Result<int>> HandleAsync(PurgeAbandonedUploadsCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = clock.GetUtcNow();
        var cutoff = now - settings.UploadGracePeriod;
        var purged = new List<Asset>();
        await using (var claim = await claims.ClaimAsync(cutoff, Math.Max(1, command.BatchSize), cancellationToken))
        {
            if (claim.AssetIds.Count == 0)
            {
                return Result.Success(0);
            }

            var claimed = await assets.ListAsync(new AssetsByIdsSpec(claim.AssetIds), cancellationToken);
            var ownersById = new Dictionary<Domain.Users.UserId, Owner>();
            foreach (var asset in claimed.Where(a => a.Status == AssetStatus.Pending && a.UploadExpiresAt <= cutoff))
            {
                if (!ownersById.TryGetValue(asset.OwnerId, out var owner))
                {
                    owner = await owners.GetByIdAsync(asset.OwnerId, cancellationToken)
                        ?? throw new InvalidOperationException($"Owner {asset.OwnerId} of asset {asset.Id} does not exist.");
                    ownersById[asset.OwnerId] = owner;
                }

                asset.AbandonUpload(owner, now);
                purged.Add(asset);
            }

            if (purged.Count > 0)
            {
                await assets.DeleteRangeAsync(purged, cancellationToken);
                foreach (var owner in ownersById.Values)
                {
                    await ledger.TryApplyAsync(owner, cancellationToken);
                }
            }

            await claim.CommitAsync(cancellationToken);
        }

        foreach (var asset in purged)
        {
            await StoredObjects.RemoveAsync(storage, asset, abortMultipartUpload: true, logger);
        }

        return Result.Success(purged.Count);
    }
}
