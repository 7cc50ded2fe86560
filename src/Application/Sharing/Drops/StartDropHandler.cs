using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets;
using MediaVault.Application.Assets.RegisterAsset;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Owners;

namespace MediaVault.Application.Sharing.Drops;

/// <summary>What an uploader declares about the file it drops, and the link's password if it has one.</summary>
public sealed record StartDropCommand(string? Token, string? FileName, string? ContentType, long? SizeBytes, string? Password);

/// <summary>
/// Somebody holding an upload link starts dropping a file into the link's collection: through the link's door
/// (<see cref="PublicLinkGate"/>: upload links only, usable, with the right password), with the file checked like any
/// upload, a pending asset registered for the collection's owner on their quota (<see cref="Asset.Drop"/>), and the
/// same upload instructions <c>POST /assets</c> gives (<see cref="UploadStarter"/>). The answer names no asset and no
/// collection: only a fresh secret upload id, bound to this link, to complete the drop with.
/// </summary>
public sealed class StartDropHandler(
    PublicLinkGate gate,
    IReadRepository<Collection> collections,
    IReadRepository<Owner> owners,
    UploadStarter uploads,
    TimeProvider clock)
{
    public async Task<LinkResult<StartedDrop>> HandleAsync(StartDropCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = clock.GetUtcNow();
        var opening = await gate.OpenAsync(command.Token, command.Password, LinkKinds.Upload, checkPassword: true, now, cancellationToken);
        if (opening.Link is not { CollectionId: { } collectionId } link)
        {
            return opening.Refuse<StartedDrop>();
        }

        // Input is judged once the link opened: without the link, nobody learns even that its input was bad.
        var validation = uploads.ValidateFile(command.FileName, command.ContentType, command.SizeBytes, out var fileName, out var contentType);
        if (!validation.IsValid)
        {
            return validation.ToResult<StartedDrop>();
        }

        var collection = await collections.FirstOrDefaultAsync(new DropCollectionSpec(collectionId), cancellationToken);
        if (collection is null)
        {
            return Result<StartedDrop>.NotFound();
        }

        var size = command.SizeBytes!.Value;
        var owner = await owners.GetByIdAsync(collection.OwnerId, cancellationToken);
        if (UploadStarter.RefusedReservation(owner, size) is { } refusal)
        {
            return Refused(refusal);
        }

        // The upload URLs never outlive the link: past its expiry the drop could not be completed anyway.
        var uploadExpiresAt = uploads.UploadExpiresAt(now);
        if (link.ExpiresAt is { } linkExpiry && linkExpiry < uploadExpiresAt)
        {
            uploadExpiresAt = linkExpiry;
        }

        var uploadId = DropUploadIds.New();
        var asset = Asset.Drop(collection, link, owner!, DropUploadIds.Hash(uploadId), fileName!, contentType!, size, uploads.MaxSizeBytes, uploadExpiresAt, now);
        var started = await uploads.StartAsync(owner!, asset, cancellationToken);
        if (!started.IsSuccess)
        {
            return Refused(started.Errors.FirstOrDefault() ?? AssetErrors.QuotaExceeded);
        }

        return Result.Success(new StartedDrop(uploadId, started.Value));
    }

    // The uploader hears that the drop is full, not whose quota it is.
    private static Result<StartedDrop> Refused(string refusal) =>
        Result<StartedDrop>.Conflict(refusal == AssetErrors.QuotaExceeded ? DropErrors.QuotaExceeded : refusal);
}
