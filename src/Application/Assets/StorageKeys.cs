using MediaVault.Domain.Assets;

namespace MediaVault.Application.Assets;

/// <summary>
/// Where an asset's bytes live in the object store. A client uploads to the asset's <em>staging</em> key
/// (<c>staging-{assetId}</c>, at the top of the store: an S3-compatible server that keeps objects as files, such as
/// s3rver, prunes a key's folder when it deletes the last object in it, which races with uploads landing in the same
/// folder; a key without a folder has none to prune); completing the upload promotes the staged object to the final
/// <see cref="Asset.StorageKey"/> (<c>assets/{ownerId}/{assetId}</c>), the only key ever read. An upload URL therefore
/// writes only to a key that nothing reads once the upload is complete, and the reconciliation removes what lands there.
/// A file dropped through an upload link stages under <c>staging-drop-{uploadIdHash}</c> instead: its upload URL is
/// handed to an anonymous uploader, who learns nothing from it, not even the new asset's id (ADR-078).
/// </summary>
public static class StorageKeys
{
    /// <summary>Every final key starts with this.</summary>
    public const string FinalPrefix = "assets/";

    /// <summary>Every staging key starts with this.</summary>
    public const string StagingPrefix = "staging-";

    /// <summary>Every staging key of a dropped file starts with this.</summary>
    public const string DropStagingPrefix = StagingPrefix + "drop-";

    public static string StagingKeyOf(Asset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return asset.DropUploadHash is { } uploadIdHash ? DropStagingKeyOf(uploadIdHash) : StagingKeyOf(asset.Id);
    }

    /// <summary>The staging key of a dropped file, named after the hash of its secret upload id.</summary>
    public static string DropStagingKeyOf(string uploadIdHash) => $"{DropStagingPrefix}{uploadIdHash}";

    /// <summary>The upload id hash a dropped file's staging key is named after.</summary>
    public static bool TryParseDropUploadHash(string key, out string uploadIdHash)
    {
        ArgumentNullException.ThrowIfNull(key);
        uploadIdHash = key.StartsWith(DropStagingPrefix, StringComparison.Ordinal) ? key[DropStagingPrefix.Length..] : string.Empty;
        return uploadIdHash.Length > 0;
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
