using Ardalis.Specification;
using MediaVault.Domain.Assets;

namespace MediaVault.Application.Assets.Specifications;

/// <summary>The assets with these ids, tracked for change (the sweeper loads the ones it claimed).</summary>
public sealed class AssetsByIdsSpec : Specification<Asset>
{
    public AssetsByIdsSpec(IReadOnlyCollection<AssetId> ids)
    {
        var list = ids.ToList();
        Query.Where(a => list.Contains(a.Id));
    }
}
