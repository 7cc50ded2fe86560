using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Common;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Rules;
using MediaVault.Domain.Common;

namespace MediaVault.Application.Assets.CompleteUpload;

/// <summary>
/// The object-store half of every completion, an owner's own and a drop's alike: a multipart upload is assembled, the
/// object at the pending asset's staging key is checked against what was declared and promoted to the key downloads
/// read. Runs before the database is touched (no transaction is open). The staging key is dead afterwards: nothing reads
/// it, so a later write to the old upload URL cannot change the ready object (the reconciliation removes it).
/// </summary>
public sealed class UploadedObjects(IObjectStorage storage)
{
    /// <summary>
    /// The stored object the pending <paramref name="asset"/> may be marked ready with, or why not: invalid
    /// <paramref name="parts"/> (a multipart upload needs them), or a conflict when the object is missing or differs.
    /// </summary>
    public async Task<Result<StoredObject>> SettleAsync(Asset asset, IReadOnlyList<CompletedPartInput>? parts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(asset);
        var stagingKey = StorageKeys.StagingKeyOf(asset);
        var multipartCompleted = true;
        if (asset.MultipartUploadId is { } uploadId)
        {
            var validation = ValidateParts(parts, out var uploadedParts);
            if (!validation.IsValid)
            {
                return validation.ToResult<StoredObject>();
            }

            multipartCompleted = await storage.CompleteMultipartUploadAsync(stagingKey, uploadId, uploadedParts, cancellationToken);
        }

        // A repeated complete of a multipart upload the store already assembled is refused by the store, and a complete
        // retried after a promote whose database write failed finds no staged object: in both cases the final key decides.
        var stored = await storage.HeadAsync(stagingKey, cancellationToken);
        if (stored is not null)
        {
            if (new StoredObjectMustMatchDeclaration(asset.SizeBytes, asset.ContentType, stored.SizeBytes, stored.ContentType).IsBroken())
            {
                return Result<StoredObject>.Conflict(AssetErrors.StoredObjectMismatch);
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
            return Result<StoredObject>.Conflict(multipartCompleted ? AssetErrors.NotUploaded : AssetErrors.MultipartNotCompleted);
        }

        if (new StoredObjectMustMatchDeclaration(asset.SizeBytes, asset.ContentType, stored.SizeBytes, stored.ContentType).IsBroken())
        {
            return Result<StoredObject>.Conflict(AssetErrors.StoredObjectMismatch);
        }

        return Result.Success(stored);
    }

    /// <summary>The same failure as <paramref name="failed"/>, for a use case answering <typeparamref name="T"/>.</summary>
    public static Result<T> Failure<T>(Result<StoredObject> failed)
    {
        ArgumentNullException.ThrowIfNull(failed);
        return failed.Status == ResultStatus.Invalid ? Result<T>.Invalid([.. failed.ValidationErrors]) : Result<T>.Conflict([.. failed.Errors]);
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
