using Ardalis.Specification;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Assets.Specifications;

/// <summary>
/// One asset with only the caller's own grants loaded: enough for <see cref="Domain.Access.AccessPolicy"/> to decide
/// what the caller may do, without reading anybody else's grants.
/// </summary>
public sealed class AssetForCallerSpec : SingleResultSpecification<Asset>
{
    public AssetForCallerSpec(AssetId id, UserId caller)
    {
        Query.Where(a => a.Id == id)
            .Include(a => a.Grants.Where(g => g.GranteeId == caller));
    }
}
