using Ardalis.Specification;
using MediaVault.Domain.Assets;

namespace MediaVault.Application.Assets.Specifications;

/// <summary>One asset, tracked, for the system's own work (media processing): no caller, so no grant is loaded.</summary>
public sealed class AssetToProcessSpec : SingleResultSpecification<Asset>
{
    public AssetToProcessSpec(AssetId id)
    {
        Query.Where(a => a.Id == id);
    }
}
