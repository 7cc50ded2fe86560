using Ardalis.Specification;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Trash;

/// <summary>
/// One asset of the owner's that is in the trash, tracked: what restore and purge work on. The access
/// rule hides a trashed asset from everyone, so the trash finds it by owner and state alone; another person's asset,
/// or one not in the trash, is not found.
/// </summary>
public sealed class TrashedAssetOfOwnerSpec : SingleResultSpecification<Asset>
{
    public TrashedAssetOfOwnerSpec(AssetId id, UserId owner)
    {
        Query.Where(a => a.Id == id && a.OwnerId == owner && a.DeletedAt != null);
    }
}

/// <summary>One asset, tracked, whatever its state: the purge job's own read (no caller).</summary>
public sealed class AssetToPurgeSpec : SingleResultSpecification<Asset>
{
    public AssetToPurgeSpec(AssetId id)
    {
        Query.Where(a => a.Id == id);
    }
}
