using MediaVault.Domain.Assets;

namespace MediaVault.Application.Assets;

/// <summary>
/// Where an asset's bytes live in the object store. A client uploads to the asset's <em>staging</em> key
/// (<c>staging-{assetId}</c>, at the top of the store: an S3-compatible server that keeps objects as files, such as
/// s3rver, prunes a key's folder when it deletes the last object in it, which races with uploads landing in the same
/// folder; a key without a folder has none to prune); completing the upload promotes the staged object to the final
/// <see cref="Asset.StorageKey"/> (<c>assets/{ownerId}/{assetId}</c>), the only key ever read. An upload URL therefore
/// writes only to a key that nothing reads once the upload is complete, and the reconciliation removes what lands there.
/// </summary>
public static class StorageKeys
{
    /// <summary>Every final key starts with this.</summary>
    public const string FinalPrefix = "assets/";

    /// <summary>Every staging key starts with this.</summary>
    public const string StagingPrefix = "staging-";

    public static string StagingKeyOf(Asset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return StagingKeyOf(asset.Id);
    }

    public static string StagingKeyOf(AssetId assetId) => $"{StagingPrefix}{assetId}";

    /// <summary>The asset a final or staging key belongs to: the id after the staging prefix, or a final key's last segment.</summary>
    public static bool TryParseAssetId(string key, out AssetId id)
    {
        ArgumentNullException.ThrowIfNull(key);
        var start = key.StartsWith(StagingPrefix, StringComparison.Ordinal) ? StagingPrefix.Length : key.LastIndexOf('/') + 1;
        var parsed = Guid.TryParse(key.AsSpan(start), out var value) && value != Guid.Empty;
        id = new AssetId(value);
        return parsed;
    }
}
