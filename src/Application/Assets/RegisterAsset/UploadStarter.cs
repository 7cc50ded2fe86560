using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Common;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Owners;

namespace MediaVault.Application.Assets.RegisterAsset;

/// <summary>
/// The start of every upload, an owner's own (<c>POST /assets</c>) and a drop through an upload link alike: what a
/// client declares about the file is checked the same way, the owner's quota is reserved the same way (atomically in
/// the store, ADR-053), and the bytes go to the asset's staging key through the same presigned PUT or multipart upload.
/// The object store is called before the database is written (no transaction is open then); a multipart upload started
/// for a registration that could not be saved is aborted.
/// </summary>
public sealed class UploadStarter(IRepository<Asset> assets, IStorageLedger ledger, IObjectStorage storage, AssetSettings settings)
{
    /// <summary>The largest file accepted, in bytes (<c>Storage__MaxUploadBytes</c>).</summary>
    public long MaxSizeBytes => settings.MaxSizeBytes;

    /// <summary>Checks the declared file name, content type and size (<c>400</c> naming each bad field).</summary>
    public Validation ValidateFile(string? fileName, string? contentType, long? sizeBytes, out FileName? validName, out ContentType? validType)
    {
        var validation = new Validation();
        validation.When(!FileName.TryCreate(fileName, out validName), "fileName", $"fileName is required: at most {FileName.MaxLength} characters, no folders or control characters.");
        validation.When(!ContentType.TryCreate(contentType, out validType), "contentType", "Only image/*, video/* and audio/* content types are accepted.");
        validation.When(sizeBytes is null or <= 0, "sizeBytes", "sizeBytes is required and must be positive.");
        validation.When(sizeBytes > settings.MaxSizeBytes, "sizeBytes", $"sizeBytes is at most {settings.MaxSizeBytes}.");
        return validation;
    }

    /// <summary>Why <paramref name="owner"/> cannot take <paramref name="sizeBytes"/> more (an <see cref="AssetErrors"/> message), or <c>null</c>.</summary>
    public static string? RefusedReservation(Owner? owner, long sizeBytes) =>
        owner is null ? AssetErrors.NoStorageAccount
        : !owner.CanReserve(sizeBytes) ? AssetErrors.QuotaExceeded
        : null;

    /// <summary>When the upload URLs of an upload registered at <paramref name="now"/> expire.</summary>
    public DateTimeOffset UploadExpiresAt(DateTimeOffset now) => now + settings.UploadUrlTtl;

    /// <summary>
    /// Hands out where to upload the registered, pending <paramref name="asset"/>'s bytes and saves it with the
    /// reservation it made on <paramref name="owner"/>'s quota; a conflict (<see cref="AssetErrors.QuotaExceeded"/>) when
    /// another upload took the last bytes meanwhile.
    /// </summary>
    public async Task<Result<UploadInstructions>> StartAsync(Owner owner, Asset asset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(asset);

        // The client writes to the staging key only; complete promotes it (see StorageKeys).
        var stagingKey = StorageKeys.StagingKeyOf(asset);
        UploadInstructions upload;
        if (asset.SizeBytes > settings.MultipartThresholdBytes)
        {
            var uploadId = await storage.StartMultipartUploadAsync(stagingKey, asset.ContentType, cancellationToken);
            asset.UseMultipartUpload(uploadId);
            var sizes = settings.PartSizes(asset.SizeBytes);
            var parts = await storage.PresignPartsAsync(stagingKey, uploadId, sizes, asset.UploadExpiresAt, cancellationToken);
            upload = new UploadInstructions(UploadInstructions.Multipart, null, new Dictionary<string, string>(), sizes[0], parts, asset.UploadExpiresAt);
        }
        else
        {
            var put = await storage.PresignPutAsync(stagingKey, asset.ContentType, asset.SizeBytes, asset.UploadExpiresAt, cancellationToken);
            upload = new UploadInstructions(UploadInstructions.Put, put.Url, put.Headers, null, null, put.ExpiresAt);
        }

        try
        {
            // The ledger's conditional UPDATE decides the race for the last bytes; the asset commits with it or not at all.
            if (!await ledger.TrySaveWithAsync(owner, ct => assets.AddAsync(asset, ct), cancellationToken))
            {
                await AbortQuietlyAsync(asset);
                return Result<UploadInstructions>.Conflict(AssetErrors.QuotaExceeded);
            }
        }
        catch (Exception) when (asset.MultipartUploadId is not null)
        {
            await AbortQuietlyAsync(asset);
            throw;
        }

        return Result.Success(upload);
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
