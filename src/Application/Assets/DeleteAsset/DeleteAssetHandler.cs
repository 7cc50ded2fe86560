using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets.Specifications;
using MediaVault.Application.Trash;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Owners;
using Microsoft.Extensions.Logging;

namespace MediaVault.Application.Assets.DeleteAsset;

public sealed record DeleteAssetCommand(Guid AssetId);

/// <summary>
/// The owner deletes an asset. A ready asset moves to the trash: to everyone, its owner included, it is gone at once
/// (the access rule no longer sees it), while its row, objects, grants, links, collection entries and the quota it uses
/// stay until it is restored or purged; its <c>asset.purge</c> job is committed with the move, to run when the
/// retention ends. A pending upload has nothing to restore: the row goes with its grants and links (the database
/// cascades), the reservation goes back to the quota, and after the commit its stored objects and unfinished multipart
/// upload are removed (a store that fails then leaves an orphaned object behind, logged; the deletion stands).
/// </summary>
public sealed class DeleteAssetHandler(IAccessPaths accessPaths, 
    IRepository<Asset> assets,
    IReadRepository<Owner> owners,
    IStorageLedger ledger,
    IUnitOfWork unitOfWork,
    IJobQueue jobs,
    AssetSettings settings,
    IObjectStorage storage,
    ICurrentUser currentUser,
    TimeProvider clock,
    ILogger<DeleteAssetHandler> logger)
{
    public async Task<Result> HandleAsync(DeleteAssetCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var caller = currentUser.RequireId();
        var now = clock.GetUtcNow();
        if (await assets.FindVisibleAsync(new AssetForCallerSpec(new AssetId(command.AssetId), caller), accessPaths, caller, now, cancellationToken) is not (var asset, var access))
        {
            return Result.NotFound();
        }

        if (!access.CanDelete)
        {
            return Result.Forbidden("Only the owner deletes an asset.");
        }

        var owner = await owners.GetByIdAsync(asset.OwnerId, cancellationToken)
            ?? throw new InvalidOperationException($"Owner {asset.OwnerId} of asset {asset.Id} does not exist.");
        if (asset.Delete(owner, access, settings.TrashRetention, now) == AssetDeletion.MovedToTrash)
        {
            jobs.Enqueue(TrashJobs.Purge(asset, requestedBy: null));
            await assets.SaveChangesAsync(cancellationToken);
            return Result.Success();
        }

        await using (var transaction = await unitOfWork.BeginTransactionAsync(cancellationToken))
        {
            await assets.DeleteAsync(asset, cancellationToken);
            await ledger.TryApplyAsync(owner, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await StoredObjects.RemoveAsync(storage, asset, abortMultipartUpload: true, logger);
        return Result.Success();
    }
}
