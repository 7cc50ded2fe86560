using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Common;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Owners;

namespace MediaVault.Application.Assets.RegisterAsset;

/// <summary>What a client declares about the file it is about to upload. Ids, owner, status and timestamps are never taken from it.</summary>
public sealed record RegisterAssetCommand(
    string? FileName,
    string? ContentType,
    long? SizeBytes,
    string? Sha256 = null,
    string? Title = null,
    string? Description = null,
    IReadOnlyList<string?>? Tags = null);

/// <summary>
/// How to send the bytes: one presigned <see cref="Put"/> (<see cref="Url"/> with <see cref="Headers"/>), or a
/// <see cref="Multipart"/> upload (<see cref="Parts"/> of <see cref="PartSizeBytes"/> each, the last one shorter).
/// </summary>
public sealed record UploadInstructions(
    string Method,
    Uri? Url,
    IReadOnlyDictionary<string, string> Headers,
    long? PartSizeBytes,
    IReadOnlyList<PresignedPart>? Parts,
    DateTimeOffset ExpiresAt)
{
    public const string Put = "PUT";

    public const string Multipart = "MULTIPART";
}

public sealed record RegisteredAsset(AssetDto Asset, UploadInstructions Upload);

/// <summary>
/// Registers a pending asset for the caller, reserving its declared size on the caller's quota (atomically in the store, ADR-053), and hands out where to
/// upload its bytes: to the asset's staging key, never to the key it is read from. The object store is called before the database is written (no transaction is open then); a
/// multipart upload started for a registration that could not be saved is aborted.
/// </summary>
public sealed class RegisterAssetHandler(
    IRepository<Asset> assets,
    IReadRepository<Owner> owners,
    IStorageLedger ledger,
    IUnitOfWork unitOfWork,
    IObjectStorage storage,
    ICurrentUser currentUser,
    TimeProvider clock,
    AssetSettings settings)
{
    public async Task<Result<RegisteredAsset>> HandleAsync(RegisterAssetCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var validation = new Validation();
        validation.When(!Domain.Assets.FileName.TryCreate(command.FileName, out var fileName), "fileName", $"fileName is required: at most {Domain.Assets.FileName.MaxLength} characters, no folders or control characters.");
        validation.When(!Domain.Assets.ContentType.TryCreate(command.ContentType, out var contentType), "contentType", "Only image/*, video/* and audio/* content types are accepted.");
        validation.When(command.SizeBytes is null or <= 0, "sizeBytes", "sizeBytes is required and must be positive.");
        validation.When(command.SizeBytes > settings.MaxSizeBytes, "sizeBytes", $"sizeBytes is at most {settings.MaxSizeBytes}.");
        Sha256Digest? sha256 = null;
        validation.When(command.Sha256 is not null && !Sha256Digest.TryCreate(command.Sha256, out sha256), "sha256", "sha256 is 64 hexadecimal characters.");
        validation.Details(command.Title, command.Description, command.Tags, out var tags);
        if (!validation.IsValid)
        {
            return validation.ToResult<RegisteredAsset>();
        }

        var caller = currentUser.RequireId();
        var size = command.SizeBytes!.Value;
        var owner = await owners.GetByIdAsync(caller, cancellationToken);
        if (owner is null)
        {
            return Result<RegisteredAsset>.Conflict(AssetErrors.NoStorageAccount);
        }

        if (!owner.CanReserve(size))
        {
            return Result<RegisteredAsset>.Conflict(AssetErrors.QuotaExceeded);
        }

        var now = clock.GetUtcNow();
        var uploadExpiresAt = now + settings.UploadUrlTtl;
        var asset = Asset.Register(
            owner, fileName!, contentType!, size, settings.MaxSizeBytes, sha256, command.Title, command.Description, tags ?? [], uploadExpiresAt, now);

        // The client writes to the staging key only; complete promotes it (see StorageKeys).
        var stagingKey = StorageKeys.StagingKeyOf(asset);
        UploadInstructions upload;
        if (size > settings.MultipartThresholdBytes)
        {
            var uploadId = await storage.StartMultipartUploadAsync(stagingKey, asset.ContentType, cancellationToken);
            asset.UseMultipartUpload(uploadId);
            var sizes = settings.PartSizes(size);
            var parts = await storage.PresignPartsAsync(stagingKey, uploadId, sizes, uploadExpiresAt, cancellationToken);
            upload = new UploadInstructions(UploadInstructions.Multipart, null, new Dictionary<string, string>(), sizes[0], parts, uploadExpiresAt);
        }
        else
        {
            var put = await storage.PresignPutAsync(stagingKey, asset.ContentType, size, uploadExpiresAt, cancellationToken);
            upload = new UploadInstructions(UploadInstructions.Put, put.Url, put.Headers, null, null, put.ExpiresAt);
        }

        try
        {
            // The ledger's conditional UPDATE decides the race for the last bytes; the asset commits with it or not at all.
            await using var transaction = await unitOfWork.BeginTransactionAsync(cancellationToken);
            if (!await ledger.TryApplyAsync(owner, cancellationToken))
            {
                await AbortQuietlyAsync(asset);
                return Result<RegisteredAsset>.Conflict(AssetErrors.QuotaExceeded);
            }

            await assets.AddAsync(asset, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception) when (asset.MultipartUploadId is not null)
        {
            await AbortQuietlyAsync(asset);
            throw;
        }

        return Result.Success(new RegisteredAsset(asset.ToDto(AccessPolicy.Evaluate(asset, caller, now)), upload));
    }

    // Best effort, and never in the way of the failure being reported.
    private async Task AbortQuietlyAsync(Asset asset)
    {
        if (asset.MultipartUploadId is not { } uploadId)
        {
            return;
        }

        try
        {
            await storage.AbortMultipartUploadAsync(StorageKeys.StagingKeyOf(asset), uploadId, CancellationToken.None);
        }
#pragma warning disable CA1031 // The original failure is rethrown; an unfinished multipart upload is the store's to expire.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
