using MediaVault.Domain.Assets;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Common;
using MediaVault.Domain.Users;

namespace MediaVault.Domain.Sharing.Rules;

/// <summary>A file is dropped only through an upload link that is usable now: not revoked, not expired, not out of uploads.</summary>
public sealed class DropNeedsUsableUploadLink(ShareLink link, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => link.Kind != LinkKind.Upload || !link.IsUsableAt(now);

    public string Message => "Files are dropped through a usable upload link only.";
}

/// <summary>A drop lands in the collection its link was opened on, nowhere else.</summary>
public sealed class DropGoesIntoTheLinksCollection(ShareLink link, CollectionId collectionId) : IBusinessRule
{
    public bool IsBroken() => link.Kind != LinkKind.Upload || link.CollectionId != collectionId;

    public string Message => "A dropped file goes into the collection of the upload link it came through.";
}

/// <summary>A dropped file becomes the collection owner's asset, counted on the owner's quota.</summary>
public sealed class DroppedAssetBelongsToCollectionOwner(UserId collectionOwner, UserId assetOwner) : IBusinessRule
{
    public bool IsBroken() => collectionOwner != assetOwner;

    public string Message => "A dropped file belongs to the owner of the collection it is dropped into.";
}

/// <summary>
/// A dropped upload is completed only through the link it was started on and with its secret upload id, once: the id
/// is spent by the completion (the asset is no longer pending). Another link's holder, a guesser, or a second completion
/// finds nothing.
/// </summary>
public sealed class DropUploadMustBeBoundToLink(LinkId? dropLinkId, string? dropUploadHash, AssetStatus status, LinkId linkId, string uploadIdHash) : IBusinessRule
{
    public bool IsBroken() =>
        dropLinkId != linkId
        || status != AssetStatus.Pending
        || dropUploadHash is null
        || !string.Equals(dropUploadHash, uploadIdHash, StringComparison.Ordinal);

    public string Message => "No upload with this id is waiting to be completed through this link.";
}

/// <summary>A collection takes in, as a drop, only an asset dropped through that very link.</summary>
public sealed class DroppedAssetMustComeThroughLink(LinkId? dropLinkId, LinkId linkId) : IBusinessRule
{
    public bool IsBroken() => dropLinkId != linkId;

    public string Message => "Only an asset dropped through this upload link lands in the collection through it.";
}
