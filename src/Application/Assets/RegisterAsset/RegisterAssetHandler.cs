using Ardalis.Result;
using MediaVault.Application.Abstractions;
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
/// Registers a pending asset for the caller, reserving its declared size on the caller's quota, and hands out where to
/// upload its bytes (<see cref="UploadStarter"/>): to the asset's staging key, never to the key it is read from.
/// </summary>
public sealed class RegisterAssetHandler(
    UploadStarter uploads,
    IReadRepository<Owner> owners,
    ICurrentUser currentUser,
    TimeProvider clock)
{
    public async Task<Result<RegisteredAsset>> HandleAsync(RegisterAssetCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var validation = uploads.ValidateFile(command.FileName, command.ContentType, command.SizeBytes, out var fileName, out var contentType);
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
        if (UploadStarter.RefusedReservation(owner, size) is { } refusal)
        {
            return Result<RegisteredAsset>.Conflict(refusal);
        }

        var now = clock.GetUtcNow();
        var asset = Asset.Register(
            owner!, fileName!, contentType!, size, uploads.MaxSizeBytes, sha256, command.Title, command.Description, tags ?? [], uploads.UploadExpiresAt(now), now);
        var started = await uploads.StartAsync(owner!, asset, cancellationToken);
        if (!started.IsSuccess)
        {
            return Result<RegisteredAsset>.Conflict([.. started.Errors]);
        }

        return Result.Success(new RegisteredAsset(asset.ToDto(AccessPolicy.Evaluate(asset, caller, now)), started.Value));
    }
}
