using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets.CompleteUpload;
using MediaVault.Application.Assets.ProcessMedia;
using MediaVault.Application.Collections.Specifications;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Owners;

namespace MediaVault.Application.Sharing.Drops;

/// <summary>The upload to complete (its secret id), the parts of a multipart upload, and the link's password if it has one.</summary>
public sealed record CompleteDropCommand(string? Token, string? UploadId, IReadOnlyList<CompletedPartInput>? Parts, string? Password);

/// <summary>
/// The uploader completes its drop: through the same upload link (still usable, right password) and with the secret
/// upload id it was given; any other link, a guessed or spent id: not found. The stored object is checked and promoted
/// as for any upload (<see cref="UploadedObjects"/>); then, in one transaction, the upload is claimed in the store
/// (<see cref="IDropUploadClaims"/>; the id is spent when the asset turns ready), the link's count of completed uploads goes up in one conditional UPDATE
/// (<see cref="ILinkDownloadCounter.TryCountUploadAsync"/>: of two completions racing for the last slot exactly one
/// wins; the other is not found and its asset stays pending until the sweeper purges it), the asset turns ready on the
/// owner's quota, lands in the collection, media processing is enqueued and <c>link.uploaded</c> is recorded.
/// </summary>
public sealed class CompleteDropHandler(
    PublicLinkGate gate,
    IRepository<Asset> assets,
    IRepository<Collection> collections,
    IReadRepository<Owner> owners,
    UploadedObjects uploadedObjects,
    IStorageLedger ledger,
    IUnitOfWork unitOfWork,
    IDropUploadClaims claims,
    ILinkDownloadCounter counter,
    IClientAddress client,
    IJobQueue jobs,
    TimeProvider clock)
{
    public async Task<LinkResult<CompletedDrop>> HandleAsync(CompleteDropCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = clock.GetUtcNow();
        var opening = await gate.OpenAsync(command.Token, command.Password, LinkKinds.Upload, checkPassword: true, now, cancellationToken);
        if (opening.Link is not { CollectionId: { } collectionId } link)
        {
            return opening.Refuse<CompletedDrop>();
        }

        if (!DropUploadIds.IsWellFormed(command.UploadId))
        {
            return Result<CompletedDrop>.NotFound();
        }

        var uploadIdHash = DropUploadIds.Hash(command.UploadId!);
        var asset = await assets.FirstOrDefaultAsync(new PendingDropSpec(link.Id, uploadIdHash), cancellationToken);
        if (asset is null)
        {
            return Result<CompletedDrop>.NotFound();
        }

        var settled = await uploadedObjects.SettleAsync(asset, command.Parts, cancellationToken);
        if (!settled.IsSuccess)
        {
            return UploadedObjects.Failure<CompletedDrop>(settled);
        }

        var collection = await collections.FirstOrDefaultAsync(new CollectionWithGrantsSpec(collectionId, forUpdate: true, entriesOf: [asset.Id]), cancellationToken);
        if (collection is null)
        {
            return Result<CompletedDrop>.NotFound();
        }

        var owner = await owners.GetByIdAsync(asset.OwnerId, cancellationToken)
            ?? throw new InvalidOperationException($"Owner {asset.OwnerId} of asset {asset.Id} does not exist.");
        var stored = settled.Value;
        await using (var transaction = await unitOfWork.BeginTransactionAsync(cancellationToken))
        {
            // The upload first (one upload, one completion), then the slot (one slot, one upload): both in the store, both
            // undone with the transaction when anything after them fails.
            if (!await claims.TryClaimAsync(asset.Id, uploadIdHash, now, cancellationToken)
                || await counter.TryCountUploadAsync(link.Id, now, cancellationToken) is not { } count)
            {
                return Result<CompletedDrop>.NotFound();
            }

            asset.CompleteDrop(owner, link, uploadIdHash, stored.SizeBytes, stored.ContentType, now);
            collection.ReceiveDrop(link, asset, now);
            link.RecordUpload(asset.Id, now, count, client.Truncated);
            jobs.Enqueue(MediaJobs.Process(asset.Id));
            await assets.SaveChangesAsync(cancellationToken);
            if (!await ledger.TryApplyAsync(owner, cancellationToken))
            {
                throw new InvalidOperationException($"Owner {asset.OwnerId} holds no reservation for asset {asset.Id}.");
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return Result.Success(new CompletedDrop(command.UploadId!, DropUploadStatus.Ready));
    }
}
