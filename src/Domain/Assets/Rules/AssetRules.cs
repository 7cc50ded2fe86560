using MediaVault.Domain.Access;
using MediaVault.Domain.Assets.Media;
using MediaVault.Domain.Common;

namespace MediaVault.Domain.Assets.Rules;

public sealed class AssetSizeMustBeWithinLimit(long sizeBytes, long maxSizeBytes) : IBusinessRule
{
    public bool IsBroken() => sizeBytes <= 0 || sizeBytes > maxSizeBytes;

    public string Message => $"An asset must have between 1 and {maxSizeBytes} bytes.";
}

public sealed class OnlyOwnerCanCompleteUpload(Capabilities caller) : IBusinessRule
{
    public bool IsBroken() => !caller.IsOwner;

    public string Message => "Only the owner completes an upload.";
}

public sealed class StoredObjectMustMatchDeclaration(long declaredSize, string declaredType, long storedSize, string? storedContentType) : IBusinessRule
{
    public bool IsBroken() =>
        storedSize != declaredSize
        || !string.Equals(storedContentType?.Trim(), declaredType, StringComparison.OrdinalIgnoreCase);

    public string Message => "The stored object does not match the declared size and content type.";
}

public sealed class OnlyEditorsCanEditAsset(Capabilities caller) : IBusinessRule
{
    public bool IsBroken() => !caller.CanEdit;

    public string Message => "Only the owner, a manager or an editor changes an asset's details.";
}

public sealed class OnlyOwnerCanDeleteAsset(Capabilities caller) : IBusinessRule
{
    public bool IsBroken() => !caller.CanDelete;

    public string Message => "Only the owner deletes an asset.";
}

public sealed class DownloadRequiresReadyAssetAndAccess(Capabilities caller) : IBusinessRule
{
    public bool IsBroken() => !caller.CanDownload;

    public string Message => "Only a ready asset is downloaded, by its owner or an active grantee.";
}

public sealed class TagsPerAssetMustBeLimited(int count) : IBusinessRule
{
    public bool IsBroken() => count > Tag.MaxPerAsset;

    public string Message => $"An asset carries at most {Tag.MaxPerAsset} tags.";
}

public sealed class OnlyPendingAssetCanBeAbandoned(AssetStatus status) : IBusinessRule
{
    public bool IsBroken() => status != AssetStatus.Pending;

    public string Message => "Only an upload that never completed is abandoned.";
}

/// <summary>A pending upload is abandoned only once its upload window has closed (at <c>UploadExpiresAt</c> or later).</summary>
public sealed class UploadWindowMustHaveClosed(DateTimeOffset uploadExpiresAt, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => now < uploadExpiresAt;

    public string Message => "An upload is abandoned only after its upload window has closed.";
}

/// <summary>A multipart upload is attached once, to an asset whose bytes are still awaited.</summary>
public sealed class OnlyPendingUploadTakesMultipartUpload(AssetStatus status, string? currentUploadId) : IBusinessRule
{
    public bool IsBroken() => status != AssetStatus.Pending || currentUploadId is not null;

    public string Message => "A multipart upload is attached once, to a pending asset only.";
}

/// <summary>An asset whose stored bytes do not match the digest its owner declared is never handed out (download or rendition).</summary>
public sealed class MismatchedAssetIsNotServed(AssetIntegrity integrity) : IBusinessRule
{
    public bool IsBroken() => integrity == AssetIntegrity.Mismatch;

    public string Message => "The stored bytes do not match the declared SHA-256 digest; delete the asset and upload it again.";
}

/// <summary>Only the renditions the asset's kind gets exist: <c>thumbnail</c> and <c>preview</c> for images and videos, none for audio.</summary>
public sealed class RenditionMustExist(string name, IEnumerable<Rendition> renditions) : IBusinessRule
{
    public bool IsBroken() => !renditions.Any(r => r.Name == name);

    public string Message => $"The asset has no rendition called '{name}'.";
}

/// <summary>A rendition is served only once the worker made it.</summary>
public sealed class RenditionMustBeReady(RenditionStatus status) : IBusinessRule
{
    public bool IsBroken() => status != RenditionStatus.Ready;

    public string Message => status == RenditionStatus.Failed
        ? "The rendition could not be made from the stored file."
        : "The rendition is not ready yet.";
}

/// <summary>Media facts are recorded for an asset whose bytes are stored, never for a pending upload.</summary>
public sealed class OnlyReadyAssetIsProcessed(AssetStatus status) : IBusinessRule
{
    public bool IsBroken() => status != AssetStatus.Ready;

    public string Message => "Only a ready asset's stored bytes are processed.";
}

/// <summary>Only the owner restores a trashed asset or asks for its purge.</summary>
public sealed class OnlyOwnerManagesTrash(Users.UserId ownerId, Users.UserId actor) : IBusinessRule
{
    public bool IsBroken() => ownerId != actor;

    public string Message => "Only the owner restores or purges a trashed asset.";
}

/// <summary>An asset is restored (or its purge requested) only while it is in the trash and its purge is not yet due.</summary>
public sealed class AssetMustBeRestorable(DateTimeOffset? deletedAt, DateTimeOffset? purgeAt, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => deletedAt is null || purgeAt is not { } due || due <= now;

    public string Message => "Only an asset in the trash whose purge is not due is restored or purged on request.";
}

/// <summary>An asset is purged only from the trash, once its purge is due (retention over, or requested).</summary>
public sealed class PurgeMustBeDue(DateTimeOffset? deletedAt, DateTimeOffset? purgeAt, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => deletedAt is null || purgeAt is not { } due || due > now;

    public string Message => "Only a trashed asset whose purge is due is purged.";
}
