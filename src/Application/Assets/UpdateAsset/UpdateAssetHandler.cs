using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets.Specifications;
using MediaVault.Application.Common;
using MediaVault.Domain.Assets;

namespace MediaVault.Application.Assets.UpdateAsset;

/// <summary>
/// New details of an asset; <c>null</c> leaves a detail as it is. A blank title is ignored, a blank description removes
/// the description, an empty tag list removes every tag. <c>InheritsAccess</c> <c>null</c> leaves it; only the owner sets it.
/// </summary>
public sealed record UpdateAssetCommand(
    Guid AssetId, string? Title = null, string? Description = null, IReadOnlyList<string?>? Tags = null, bool? InheritsAccess = null);

/// <summary>
/// The owner, a manager or an editor changes an asset's title, description and tags; the owner alone decides whether
/// access held on collections reaches it (anyone else asking for that is refused, and nothing changes).
/// </summary>
public sealed class UpdateAssetHandler(IAccessPaths accessPaths, IRepository<Asset> assets, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Result<AssetDto>> HandleAsync(UpdateAssetCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var validation = new Validation().Details(command.Title, command.Description, command.Tags, out var tags);
        if (!validation.IsValid)
        {
            return validation.ToResult<AssetDto>();
        }

        var caller = currentUser.RequireId();
        var now = clock.GetUtcNow();
        if (await assets.FindVisibleAsync(new AssetForCallerSpec(new AssetId(command.AssetId), caller), accessPaths, caller, now, cancellationToken) is not (var asset, var access))
        {
            return Result<AssetDto>.NotFound();
        }

        if (!access.CanEdit)
        {
            return Result<AssetDto>.Forbidden("Only the owner, a manager or an editor changes an asset's details.");
        }

        if (command.InheritsAccess is not null && !access.IsOwner)
        {
            return Result<AssetDto>.Forbidden("Only the owner decides whether collection access reaches the asset.");
        }

        asset.UpdateDetails(caller, access, command.Title, command.Description, tags, now);
        if (command.InheritsAccess is { } inheritsAccess)
        {
            asset.ChangeInheritance(caller, access, inheritsAccess, now);
        }

        await assets.UpdateAsync(asset, cancellationToken);
        return Result.Success(asset.ToDto(access));
    }
}
