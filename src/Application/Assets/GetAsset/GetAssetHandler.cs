using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets.Specifications;
using MediaVault.Domain.Assets;

namespace MediaVault.Application.Assets.GetAsset;

public sealed record GetAssetQuery(Guid AssetId);

/// <summary>Shows one asset to a caller who may see it; to anybody else it does not exist.</summary>
public sealed class GetAssetHandler(IAccessPaths accessPaths, IReadRepository<Asset> assets, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Result<AssetDto>> HandleAsync(GetAssetQuery query, CancellationToken cancellationToken)
    {
        var caller = currentUser.RequireId();
        return await assets.FindVisibleAsync(new AssetForCallerSpec(new AssetId(query.AssetId), caller), accessPaths, caller, clock.GetUtcNow(), cancellationToken) is (var asset, var access)
            ? Result.Success(asset.ToDto(access))
            : Result<AssetDto>.NotFound();
    }
}
