using MediaVault.Domain.Assets;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Assets;

/// <summary>
/// Where an asset's bytes live in the object store. A client uploads to the asset's <em>staging</em> key
/// (<c>staging/{ownerId}/{assetId}</c>); completing the upload promotes the staged object to the final
/// <see cref="Asset.StorageKey"/> (<c>assets/{ownerId}/{assetId}</c>), the only key ever read. An upload URL therefore
/// writes only to a key that nothing reads once the upload is complete, and the reconciliation removes what lands there.
/// </summary>
public static class StorageKeys
{
    /// <summary>Every final key starts with this.</summary>
    public const string FinalPrefix = "assets/";

    /// <summary>Every staging key starts with this.</summary>
    public const string StagingPrefix = "staging/";

    public static string StagingKeyOf(Asset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return StagingKeyOf(asset.OwnerId, asset.Id);
    }

    public static string StagingKeyOf(UserId ownerId, AssetId assetId) => $"{StagingPrefix}{ownerId}/{assetId}";

    /// <summary>The asset a final or staging key belongs to: its last segment is the asset's id.</summary>
    public static bool TryParseAssetId(string key, out AssetId id)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slash = key.LastIndexOf('/');
        var parsed = Guid.TryParse(key.AsSpan(slash + 1), out var value) && value != Guid.Empty;
        id = new AssetId(value);
        return parsed;
    }
}
