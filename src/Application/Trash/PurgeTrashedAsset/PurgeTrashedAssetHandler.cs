using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Owners;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Trash.PurgeTrashedAsset;

/// <summary>
/// Purges one trashed asset whose purge is due (the <c>asset.purge</c> job's work, also run at once for a purge the
/// owner requested). Three steps, each safe to repeat: (1) the start of the purge is saved on the row, so that no
/// restore decided before it can succeed; (2) the stored objects (staging, final, renditions) are deleted, a missing
/// one being fine; (3) the row goes and its bytes go back to the owner's quota, in one transaction. A crash or a store
/// failure anywhere throws and the job runs again; an object is never left without its row (the row goes last), and the
/// row left without its objects is already out of everybody's reach. An asset gone, restored, or not due: nothing to do.
/// Returns whether this run purged the asset.
/// </summary>
public sealed class PurgeTrashedAssetHandler(
    IRepository<Asset> assets,
    IReadRepository<Owner> owners,
    IStorageLedger ledger,
    IUnitOfWork unitOfWork,
    IObjectStorage storage,
    TimeProvider clock)
{
    public async Task<bool> HandleAsync(PurgeTrashedAssetCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = clock.GetUtcNow();
        var asset = await assets.FirstOrDefaultAsync(new AssetToPurgeSpec(new AssetId(command.AssetId)), cancellationToken);
        if (asset is not { DeletedAt: not null, PurgeAt: { } due } || due > now)
        {
            return false;
        }

        asset.StartPurge(now);
        await assets.SaveChangesAsync(cancellationToken);

        await StoredObjects.RemoveOrThrowAsync(storage, asset, cancellationToken);

        var owner = await owners.GetByIdAsync(asset.OwnerId, cancellationToken)
            ?? throw new InvalidOperationException($"Owner {asset.OwnerId} of asset {asset.Id} does not exist.");
        asset.Purge(owner, command.RequestedBy is { } actor ? new UserId(actor) : null, now);
        await using (var transaction = await unitOfWork.BeginTransactionAsync(cancellationToken))
        {
            await assets.DeleteAsync(asset, cancellationToken);
            if (!await ledger.TryApplyAsync(owner, cancellationToken))
            {
                throw new InvalidOperationException($"The storage ledger refused to release the bytes of asset {asset.Id}.");
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return true;
    }
}
