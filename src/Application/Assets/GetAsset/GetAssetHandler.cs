using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets.Specifications;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;

namespace MediaVault.Application.Assets.GetAsset;

public sealed record GetAssetQuery(Guid AssetId);

/// <summary>Shows one asset to a caller who may see it; to anybody else it does not exist.</summary>
public sealed class GetAssetHandler(IReadRepository<Asset> assets, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Result<AssetDto>> HandleAsync(GetAssetQuery query, CancellationToken cancellationToken)
    {
        var caller = currentUser.RequireId();
        var asset = await assets.FirstOrDefaultAsync(new AssetForCallerSpec(new AssetId(query.AssetId), caller), cancellationToken);
        if (asset is null)
        {
            return Result<AssetDto>.NotFound();
        }

        var access = AccessPolicy.Evaluate(asset, caller, clock.GetUtcNow());
        return access.CanView ? Result.Success(asset.ToDto(access)) : Result<AssetDto>.NotFound();
    }
}
