using Ardalis.Specification;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Assets.Specifications;

/// <summary>What the reconciliation needs of an asset row: which keys it may own in the object store.</summary>
public sealed record AssetStorageState(AssetId Id, UserId OwnerId, string StorageKey, AssetStatus Status, DateTimeOffset UpdatedAt);

/// <summary>
/// The storage state of the assets with these ids (read only). Query filters are ignored: every row that exists owns
/// its objects, whatever a filter (a trash, say) hides from the use cases.
/// </summary>
public sealed class AssetStorageStateByIdsSpec : Specification<Asset, AssetStorageState>
{
    public AssetStorageStateByIdsSpec(IReadOnlyCollection<AssetId> ids)
    {
        var list = ids.ToList();
        Query.Where(a => list.Contains(a.Id)).IgnoreQueryFilters().AsNoTracking();
        Query.Select(a => new AssetStorageState(a.Id, a.OwnerId, a.StorageKey, a.Status, a.UpdatedAt));
    }
}

/// <summary>One page of ready assets' storage state, in id order, whatever query filters hide.</summary>
public sealed class ReadyAssetStorageStatePageSpec : Specification<Asset, AssetStorageState>
{
    public ReadyAssetStorageStatePageSpec(int skip, int take)
    {
        Query.Where(a => a.Status == AssetStatus.Ready).OrderBy(a => a.Id).Skip(skip).Take(take).IgnoreQueryFilters().AsNoTracking();
        Query.Select(a => new AssetStorageState(a.Id, a.OwnerId, a.StorageKey, a.Status, a.UpdatedAt));
    }
}

/// <summary>The upload id hashes, among these, of dropped files still pending (their staging objects are owned).</summary>
public sealed class PendingDropHashesSpec : Specification<Asset, string>
{
    public PendingDropHashesSpec(IReadOnlyCollection<string> uploadIdHashes)
    {
        var list = uploadIdHashes.ToList();
        Query.Where(a => a.DropUploadHash != null && list.Contains(a.DropUploadHash) && a.Status == AssetStatus.Pending).IgnoreQueryFilters().AsNoTracking();
        Query.Select(a => a.DropUploadHash!);
    }
}
