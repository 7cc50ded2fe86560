using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets.ProcessMedia;
using MediaVault.Application.Assets.Specifications;
using MediaVault.Application.Common;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Rules;
using MediaVault.Domain.Common;
using MediaVault.Domain.Owners;

namespace MediaVault.Application.Assets.CompleteUpload;

/// <summary>A part of a multipart upload as the client reports it: its number and the ETag the store answered.</summary>
public sealed record CompletedPartInput(int? PartNumber, string? ETag);

/// <summary><see cref="Parts"/> is needed only for a multipart upload, and ignored otherwise.</summary>
public sealed record CompleteUploadCommand(Guid AssetId, IReadOnlyList<CompletedPartInput>? Parts = null);

/// <summary>
/// Marks the caller's pending asset ready once the object uploaded to its staging key exists with the declared size and
/// content type (a multipart upload is assembled first) and has been promoted to the asset's storage key, settling the
/// reserved quota. The staging key is dead afterwards: nothing reads it, so a later write to the old upload URL cannot
/// change the ready object (the reconciliation removes it). Completing a ready asset again answers the asset
/// unchanged. When the object is missing or differs, the asset stays pending and the answer is a conflict.
/// </summary>
public sealed class CompleteUploadHandler(IAccessPaths accessPaths, 
    IRepository<Asset> assets,
    IReadRepository<Owner> owners,
    IStorageLedger ledger,
    IUnitOfWork unitOfWork,
    IObjectStorage storage,
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

        var stagingKey = StorageKeys.StagingKeyOf(asset);
        var multipartCompleted = true;
        if (asset.MultipartUploadId is { } uploadId)
        {
            var validation = ValidateParts(command.Parts, out var parts);
            if (!validation.IsValid)
            {
                return validation.ToResult<AssetDto>();
            }

            multipartCompleted = await storage.CompleteMultipartUploadAsync(stagingKey, uploadId, parts, cancellationToken);
        }

        // The staged object is checked, then promoted to the key downloads read, before the database is touched (no
        // transaction is open). A repeated complete of a multipart upload the store already assembled is refused by
        // the store, and a complete retried after a promote whose database write failed finds no staged object: in
        // both cases the final key decides.
        var stored = await storage.HeadAsync(stagingKey, cancellationToken);
        if (stored is not null)
        {
            if (new StoredObjectMustMatchDeclaration(asset.SizeBytes, asset.ContentType, stored.SizeBytes, stored.ContentType).IsBroken())
            {
                return Result<AssetDto>.Conflict(AssetErrors.StoredObjectMismatch);
            }

            if (!await storage.PromoteAsync(stagingKey, asset.StorageKey, stored, cancellationToken))
            {
                // A complete running at the same moment promoted it first.
                stored = null;
            }
        }

        stored ??= await storage.HeadAsync(asset.StorageKey, cancellationToken);
        if (stored is null)
        {
            return Result<AssetDto>.Conflict(multipartCompleted ? AssetErrors.NotUploaded : AssetErrors.MultipartNotCompleted);
        }

        if (new StoredObjectMustMatchDeclaration(asset.SizeBytes, asset.ContentType, stored.SizeBytes, stored.ContentType).IsBroken())
        {
            return Result<AssetDto>.Conflict(AssetErrors.StoredObjectMismatch);
        }

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

    private static Validation ValidateParts(IReadOnlyList<CompletedPartInput>? input, out List<UploadedPart> parts)
    {
        var validation = new Validation();
        parts = [];
        if (input is null || input.Count == 0)
        {
            return validation.Add("parts", "parts are required to complete a multipart upload: every partNumber with the ETag its upload answered.");
        }

        if (input.Count > AssetSettings.MaximumPartCount)
        {
            return validation.Add("parts", $"An upload has at most {AssetSettings.MaximumPartCount} parts; {input.Count} were sent.");
        }

        foreach (var part in input)
        {
            if (part?.PartNumber is not (>= 1 and <= AssetSettings.MaximumPartCount) || string.IsNullOrWhiteSpace(part.ETag) || !FreeText.IsSingleLine(part.ETag))
            {
                validation.Add("parts", $"Each part needs a partNumber from 1 to {AssetSettings.MaximumPartCount} and its etag.");
                continue;
            }

            parts.Add(new UploadedPart(part.PartNumber.Value, part.ETag.Trim()));
        }

        validation.When(parts.Select(p => p.PartNumber).Distinct().Count() != parts.Count, "parts", "Each partNumber appears once.");
        parts = [.. parts.OrderBy(p => p.PartNumber)];
        return validation;
    }
}
