using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Common;
using MediaVault.Domain.Users;

namespace MediaVault.Domain.Sharing.Rules;

public sealed class OnlyOwnerOrManagerCanShare(Capabilities caller) : IBusinessRule
{
    public bool IsBroken() => !caller.CanShare;

    public string Message => "Only the owner or a manager shares an asset.";
}

public sealed class GrantCannotTargetOwner(UserId ownerId, UserId granteeId) : IBusinessRule
{
    public bool IsBroken() => ownerId == granteeId;

    public string Message => "The owner is not a grantee of its own asset.";
}

public sealed class GrantRoleMustBeGrantable(AccessRole role) : IBusinessRule
{
    public bool IsBroken() => !role.IsGrantable();

    public string Message => "A grant carries viewer, editor or manager; ownership is not granted.";
}

public sealed class GrantExpiryMustBeInFuture(DateTimeOffset? expiresAt, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => expiresAt is not null && expiresAt <= now;

    public string Message => "A grant cannot expire in the past.";
}

public sealed class OneActiveGrantPerGrantee(bool granteeAlreadyHasGrant) : IBusinessRule
{
    public bool IsBroken() => granteeAlreadyHasGrant;

    public string Message => "The person already holds a grant on this asset.";
}

public sealed class OnlyOwnerManagerOrGranteeCanRevokeGrant(Capabilities caller, UserId callerId, UserId? granteeId) : IBusinessRule
{
    public bool IsBroken() => !caller.CanShare && callerId != granteeId;

    public string Message => "A grant is revoked by the owner, a manager, or the grantee leaving.";
}

/// <summary>
/// Nobody changes a grant it holds itself, personally or through one of its groups (it may only leave): otherwise a
/// manager given access until a date could lift its own expiry.
/// </summary>
public sealed class GranteeCannotChangeOwnGrant(bool actorHoldsTheGrant) : IBusinessRule
{
    public GranteeCannotChangeOwnGrant(UserId actor, UserId? granteeId)
        : this(actor == granteeId)
    {
    }

    public bool IsBroken() => actorHoldsTheGrant;

    public string Message => "A grantee does not change its own grant; the owner or another manager does.";
}

public sealed class RevokedGrantCannotChange(bool isRevoked) : IBusinessRule
{
    public bool IsBroken() => isRevoked;

    public string Message => "A revoked grant cannot be changed.";
}

public sealed class LinkExpiryMustBeInFuture(DateTimeOffset? expiresAt, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => expiresAt is not null && expiresAt <= now;

    public string Message => "A link cannot expire in the past.";
}

/// <summary>A pending asset is seen by its owner only, so no public link points at it.</summary>
public sealed class LinkRequiresReadyAsset(AssetStatus status) : IBusinessRule
{
    public bool IsBroken() => status != AssetStatus.Ready;

    public string Message => "A link is created only for a ready asset.";
}

public sealed class LinkDownloadLimitMustBePositive(int? maxDownloads) : IBusinessRule
{
    public bool IsBroken() => maxDownloads is <= 0;

    public string Message => "A link's download limit is at least 1.";
}

public sealed class LinkMustBeUsable(ShareLink link, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => !link.IsUsableAt(now);

    public string Message => "The link is revoked, expired or used up.";
}

/// <summary>
/// A download the store counted atomically moves the count forward, and never past the limit: the store applies the
/// limit in the same statement that counts.
/// </summary>
public sealed class CountedDownloadMustStayWithinLimit(int currentCount, int countInStore, int? maxDownloads) : IBusinessRule
{
    public bool IsBroken() => countInStore <= currentCount || countInStore > maxDownloads;

    public string Message => "A counted download moves the count forward and stays within the link's limit.";
}

/// <summary>Whether collection access reaches an asset is its owner's decision alone.</summary>
public sealed class OnlyOwnerChangesInheritance(Capabilities caller) : IBusinessRule
{
    public bool IsBroken() => !caller.IsOwner;

    public string Message => "Only the owner decides whether collection access reaches the asset.";
}

/// <summary>
/// Nobody grants to themselves: a manager whose access is limited (an expiry, a group it may leave, view-only) cannot
/// give itself a grant that outlasts it.
/// </summary>
public sealed class NobodyGrantsToThemselves(UserId actor, UserId? granteeId) : IBusinessRule
{
    public bool IsBroken() => actor == granteeId;

    public string Message => "Nobody grants access to themselves; the owner or another manager does.";
}

/// <summary>A collection is shared by a view link (its contents) or an upload link (a drop into it), nothing else.</summary>
public sealed class CollectionLinkIsViewOrUpload(LinkKind kind) : IBusinessRule
{
    public bool IsBroken() => kind is not (LinkKind.View or LinkKind.Upload);

    public string Message => "A collection link is a view link or an upload link.";
}

/// <summary>
/// A link carries only the limits its kind uses: downloads and originals for a view link, uploads for an upload link.
/// </summary>
public sealed class LinkLimitsMustFitKind(LinkKind kind, LinkLimits limits) : IBusinessRule
{
    public bool IsBroken() => kind switch
    {
        LinkKind.Upload => limits.MaxDownloads is not null || limits.AllowDownload is not null,
        _ => limits.MaxUploads is not null,
    };

    public string Message => kind == LinkKind.Upload
        ? "An upload link takes maxUploads; maxDownloads and allowDownload are for view links."
        : "maxUploads is for upload links.";

    /// <summary>The limit that does not fit the kind, as the request names it.</summary>
    public string Field => kind switch
    {
        LinkKind.Upload => limits.MaxDownloads is not null ? "maxDownloads" : "allowDownload",
        _ => "maxUploads",
    };
}

public sealed class LinkUploadLimitMustBePositive(int? maxUploads) : IBusinessRule
{
    public bool IsBroken() => maxUploads is < 1;

    public string Message => "A link's upload limit is at least 1.";
}

/// <summary>An original is downloaded through an asset link, or a view link that allows it, while it has downloads left.</summary>
public sealed class LinkMustAllowDownload(ShareLink link, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => !link.CanDownloadAt(now);

    public string Message => "The link gives no download: renditions only, or out of downloads.";
}

public sealed class OnlyUploadLinksTakeUploads(LinkKind kind) : IBusinessRule
{
    public bool IsBroken() => kind != LinkKind.Upload;

    public string Message => "Only an upload link takes uploads.";
}
