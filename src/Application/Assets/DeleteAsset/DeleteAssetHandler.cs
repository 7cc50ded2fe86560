using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets.Specifications;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Owners;
using Microsoft.Extensions.Logging;

namespace MediaVault.Application.Assets.DeleteAsset;

public sealed record DeleteAssetCommand(Guid AssetId);

/// <summary>
/// The owner deletes an asset: the row goes with its grants and links (the database cascades), the bytes go back to
/// the quota, and after the commit the stored objects (final, staging and renditions) and an unfinished multipart upload are removed. A store that
/// fails then leaves an orphaned object behind, logged; the deletion itself stands.
/// </summary>
public sealed class DeleteAssetHandler(IAccessPaths accessPaths, 
    IRepository<Asset> assets,
    IReadRepository<Owner> owners,
    IStorageLedger ledger,
    IUnitOfWork unitOfWork,
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
        asset.Delete(owner, access, now);
        await using (var transaction = await unitOfWork.BeginTransactionAsync(cancellationToken))
        {
            await assets.DeleteAsync(asset, cancellationToken);
            await ledger.TryApplyAsync(owner, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await StoredObjects.RemoveAsync(storage, asset, abortMultipartUpload: asset.Status == AssetStatus.Pending, logger);
        return Result.Success();
    }
}
