using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Rules;
using MediaVault.Domain.Common;

namespace MediaVault.Application.Trash.RestoreAsset;

public sealed record RestoreAssetCommand(Guid AssetId);

/// <summary>
/// The owner takes an asset out of the trash: it comes back exactly as it was (grants, links and collection entries
/// never went away; the access rule simply sees it again). Another person's asset, one not in the trash, or one whose
/// purge is due: 404. A purge that starts while the restore is decided wins: the restore's save fails (409).
/// </summary>
public sealed class RestoreAssetHandler(IRepository<Asset> assets, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Result<AssetDto>> HandleAsync(RestoreAssetCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var caller = currentUser.RequireId();
        var now = clock.GetUtcNow();
        var asset = await assets.FirstOrDefaultAsync(new TrashedAssetOfOwnerSpec(new AssetId(command.AssetId), caller), cancellationToken);
        if (asset is null)
        {
            return Result<AssetDto>.NotFound();
        }

        try
        {
            asset.Restore(caller, now);
        }
        catch (BusinessRuleViolationException e) when (e.BrokenRule is AssetMustBeRestorable or OnlyOwnerManagesTrash)
        {
            return Result<AssetDto>.NotFound();
        }

        await assets.SaveChangesAsync(cancellationToken);
        return Result.Success(asset.ToDto(AccessPolicy.Evaluate(asset, caller, now)));
    }
}
