using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets.ProcessMedia;
using MediaVault.Application.Assets.Specifications;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Owners;

namespace MediaVault.Application.Assets.CompleteUpload;

/// <summary>A part of a multipart upload as the client reports it: its number and the ETag the store answered.</summary>
public sealed record CompletedPartInput(int? PartNumber, string? ETag);

/// <summary><see cref="Parts"/> is needed only for a multipart upload, and ignored otherwise.</summary>
public sealed record CompleteUploadCommand(Guid AssetId, IReadOnlyList<CompletedPartInput>? Parts = null);

/// <summary>
/// Marks the caller's pending asset ready once the object uploaded to its staging key exists with the declared size and
/// content type (a multipart upload is assembled first) and has been promoted to the asset's storage key
/// (<see cref="UploadedObjects"/>), settling the reserved quota. Completing a ready asset again answers the asset
/// unchanged. When the object is missing or differs, the asset stays pending and the answer is a conflict.
/// </summary>
public sealed class CompleteUploadHandler(IAccessPaths accessPaths, 
    IRepository<Asset> assets,
    IReadRepository<Owner> owners,
    IStorageLedger ledger,
    IUnitOfWork unitOfWork,
    UploadedObjects uploadedObjects,
    ICurrentUser currentUser,
    TimeProvider clock,
    IJobQueue jobs)
{
    public async Task<Result<AssetDto>> HandleAsync(CompleteUploadCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var caller = currentUser.RequireId();
        var now = clock.GetUtcNow();
        if (await assets.FindVisibleAsync(new AssetForCallerSpec(new AssetId(command.AssetId), caller), accessPaths, caller, now, cancellationToken) is not (var asset, var access))
        {
            return Result<AssetDto>.NotFound();
        }

        if (!access.IsOwner)
        {
            return Result<AssetDto>.Forbidden("Only the owner completes an upload.");
        }

        if (asset.Status == AssetStatus.Ready)
        {
            return Result.Success(asset.ToDto(access));
        }

        var settled = await uploadedObjects.SettleAsync(asset, command.Parts, cancellationToken);
        if (!settled.IsSuccess)
        {
            return UploadedObjects.Failure<AssetDto>(settled);
        }

        var stored = settled.Value;
        var owner = await owners.GetByIdAsync(asset.OwnerId, cancellationToken)
            ?? throw new InvalidOperationException($"Owner {asset.OwnerId} of asset {asset.Id} does not exist.");
        asset.CompleteUpload(owner, access, stored.SizeBytes, stored.ContentType, now);
        await using (var transaction = await unitOfWork.BeginTransactionAsync(cancellationToken))
        {
            // Committed with the asset turning ready, or not at all.
            jobs.Enqueue(MediaJobs.Process(asset.Id));
            await assets.UpdateAsync(asset, cancellationToken);
            if (!await ledger.TryApplyAsync(owner, cancellationToken))
            {
                throw new InvalidOperationException($"Owner {asset.OwnerId} holds no reservation for asset {asset.Id}.");
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return Result.Success(asset.ToDto(AccessPolicy.Evaluate(asset, caller, now)));
    }
}
