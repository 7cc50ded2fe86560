using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Events;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Collections.Events;
using MediaVault.Domain.Common;
using MediaVault.Domain.Sharing.Rules;
using MediaVault.Domain.Users;

namespace MediaVault.Domain.Sharing;

/// <summary>
/// A public link: anyone holding its token may use it, unless the link is revoked, past its expiry, used up, or asks
/// for a password the holder does not give. The token itself is never kept: only its hash. A link is of one
/// <see cref="LinkKind"/>: to one ready asset (see its name, download it), to a collection's contents
/// (<see cref="LinkKind.View"/>: list them, see renditions, download originals when <see cref="AllowDownload"/>), or
/// into a collection (<see cref="LinkKind.Upload"/>: drop files that become the collection owner's assets).
/// </summary>
public sealed class ShareLink : AggregateRoot<LinkId>
{
    private ShareLink()
    {
    }

    /// <summary>The asset of a <see cref="LinkKind.Asset"/> link; <c>null</c> for a collection link.</summary>
    public AssetId? AssetId { get; private set; }

    /// <summary>The collection of a <see cref="LinkKind.View"/> or <see cref="LinkKind.Upload"/> link; <c>null</c> for an asset link.</summary>
    public CollectionId? CollectionId { get; private set; }

    public LinkKind Kind { get; private set; }

    /// <summary>Whether originals may be downloaded: always for an asset link; for a view link, renditions only when false.</summary>
    public bool AllowDownload { get; private set; } = true;

    /// <summary>How many uploads an upload link takes (completed ones count); <c>null</c> for no limit.</summary>
    public int? MaxUploads { get; private set; }

    /// <summary>Uploads completed through an upload link; counted by the store in one statement, like downloads.</summary>
    public int UploadCount { get; private set; }

    public string TokenHash { get; private set; } = string.Empty;

    public string? PasswordHash { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public int? MaxDownloads { get; private set; }

    public int DownloadCount { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public UserId CreatedBy { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>Wrong passwords given since <see cref="PasswordFailuresSince"/>; counted by the store in one statement.</summary>
    public int PasswordFailureCount { get; private set; }

    /// <summary>When the current window of wrong passwords began.</summary>
    public DateTimeOffset? PasswordFailuresSince { get; private set; }

    /// <summary>How many wrong passwords one link takes within <see cref="PasswordFailureWindow"/> before it refuses every attempt.</summary>
    public const int MaxPasswordFailures = 10;

    public static readonly TimeSpan PasswordFailureWindow = TimeSpan.FromMinutes(15);

    /// <summary>
    /// When a link that took <see cref="MaxPasswordFailures"/> wrong passwords within the window accepts attempts again,
    /// or <c>null</c> when it accepts them now (the right password included: a guesser learns nothing from a hit).
    /// </summary>
    public DateTimeOffset? PasswordAttemptsRefusedUntil(DateTimeOffset now) =>
        PasswordFailuresSince is { } since && PasswordFailureCount >= MaxPasswordFailures && since + PasswordFailureWindow > now
            ? since + PasswordFailureWindow
            : null;

    public bool HasPassword => PasswordHash is not null;

    /// <summary>
    /// Whether the link answers at all: not revoked, not expired, and, for an asset link, not out of downloads and for
    /// an upload link not out of uploads. A view link out of downloads still lists and shows renditions
    /// (<see cref="CanDownloadAt"/>).
    /// </summary>
    public bool IsUsableAt(DateTimeOffset now) =>
        RevokedAt is null
        && (ExpiresAt is null || ExpiresAt > now)
        && Kind switch
        {
            LinkKind.Asset => MaxDownloads is null || DownloadCount < MaxDownloads,
            LinkKind.Upload => MaxUploads is null || UploadCount < MaxUploads,
            _ => true,
        };

    /// <summary>Whether an original may be downloaded through the link now (asset links, and view links that allow it).</summary>
    public bool CanDownloadAt(DateTimeOffset now) =>
        Kind != LinkKind.Upload
        && AllowDownload
        && IsUsableAt(now)
        && (MaxDownloads is null || DownloadCount < MaxDownloads);

    public static ShareLink Create(
        Asset asset, UserId actor, Capabilities caller, string tokenHash, string? passwordHash, DateTimeOffset? expiresAt, int? maxDownloads, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentException.ThrowIfNullOrWhiteSpace(tokenHash);
        CheckRule(new OnlyOwnerOrManagerCanShare(caller));
        CheckRule(new LinkRequiresReadyAsset(asset.Status));
        CheckRule(new LinkExpiryMustBeInFuture(expiresAt, now));
        CheckRule(new LinkDownloadLimitMustBePositive(maxDownloads));
        var link = new ShareLink
        {
            Id = LinkId.New(),
            AssetId = asset.Id,
            Kind = LinkKind.Asset,
            TokenHash = tokenHash,
            PasswordHash = passwordHash,
            ExpiresAt = expiresAt?.ToUniversalTime(),
            MaxDownloads = maxDownloads,
            CreatedAt = now,
            CreatedBy = actor,
        };
        link.Raise(new LinkCreated(asset.Id, actor, link.Id, link.ExpiresAt, link.HasPassword, maxDownloads, now));
        return link;
    }

    /// <summary>
    /// The collection's owner or a manager opens a <see cref="LinkKind.View"/> or <see cref="LinkKind.Upload"/> link.
    /// A view link may limit downloads and forbid originals; an upload link may limit uploads.
    /// </summary>
    public static ShareLink ForCollection(
        Collection collection,
        Memberships actor,
        LinkKind kind,
        string tokenHash,
        string? passwordHash,
        DateTimeOffset? expiresAt,
        LinkLimits limits,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(tokenHash);
        collection.EnsureShareableBy(actor, now);
        CheckRule(new CollectionLinkIsViewOrUpload(kind));
        CheckRule(new LinkLimitsMustFitKind(kind, limits));
        CheckRule(new LinkExpiryMustBeInFuture(expiresAt, now));
        CheckRule(new LinkDownloadLimitMustBePositive(limits.MaxDownloads));
        CheckRule(new LinkUploadLimitMustBePositive(limits.MaxUploads));
        var link = new ShareLink
        {
            Id = LinkId.New(),
            CollectionId = collection.Id,
            Kind = kind,
            TokenHash = tokenHash,
            PasswordHash = passwordHash,
            ExpiresAt = expiresAt?.ToUniversalTime(),
            MaxDownloads = limits.MaxDownloads,
            MaxUploads = limits.MaxUploads,
            AllowDownload = kind == LinkKind.View && (limits.AllowDownload ?? true),
            CreatedAt = now,
            CreatedBy = actor.Person,
        };
        link.Raise(new CollectionLinkCreated(
            collection.Id, actor.Person, link.Id, kind, link.ExpiresAt, link.HasPassword, link.MaxDownloads, link.MaxUploads, link.AllowDownload, now));
        return link;
    }

    /// <summary>
    /// Counts one wrong password: a new window of failures begins when the last one has passed. The store counts the
    /// same way in one statement, so concurrent failures are never lost (ADR-055).
    /// </summary>
    public void RecordWrongPassword(DateTimeOffset now)
    {
        if (PasswordFailuresSince is { } since && since > now - PasswordFailureWindow)
        {
            PasswordFailureCount++;
            return;
        }

        PasswordFailuresSince = now;
        PasswordFailureCount = 1;
    }

    /// <summary>
    /// Records one download that the store has already counted atomically (only while the link was usable, so that two
    /// holders racing for the last download cannot both win). <paramref name="countInStore"/> is the link's count there,
    /// this download included; other holders may have downloaded since this copy was read, so it is the one recorded.
    /// </summary>
    /// <param name="assetId">The asset downloaded: the link's own for an asset link, one of the collection's for a view link.</param>
    /// <param name="now">When.</param>
    /// <param name="countInStore">The link's count in the store, this download included.</param>
    /// <param name="client">The holder's address, truncated (<c>ClientAddress</c>), for the activity log.</param>
    public void RecordDownload(AssetId assetId, DateTimeOffset now, int countInStore, string? client)
    {
        CheckRule(new LinkMustBeUsable(this, now));
        CheckRule(new LinkMustAllowDownload(this, now));
        CheckRule(new CountedDownloadMustStayWithinLimit(DownloadCount, countInStore, MaxDownloads));
        DownloadCount = countInStore;
        Raise(new LinkUsed(Id, LinkUse.Downloaded, assetId, CollectionId, client, now) { Count = DownloadCount });
    }

    /// <summary>
    /// Records that the link was looked at: an asset link's page (<paramref name="assetId"/> its asset), a view link's
    /// listing (<c>null</c>) or one of its assets' renditions (that asset). Nothing about the link changes.
    /// </summary>
    public void RecordView(AssetId? assetId, DateTimeOffset now, string? client)
    {
        CheckRule(new LinkMustBeUsable(this, now));
        Raise(new LinkUsed(Id, LinkUse.Viewed, assetId ?? AssetId, CollectionId, client, now));
    }

    /// <summary>
    /// Records one upload completed through an upload link that the store has already counted atomically (only while
    /// the link had a slot left, so that two uploaders racing for the last slot cannot both win).
    /// </summary>
    public void RecordUpload(AssetId uploaded, DateTimeOffset now, int countInStore, string? client)
    {
        CheckRule(new OnlyUploadLinksTakeUploads(Kind));
        CheckRule(new LinkMustBeUsable(this, now));
        CheckRule(new CountedDownloadMustStayWithinLimit(UploadCount, countInStore, MaxUploads));
        UploadCount = countInStore;
        Raise(new LinkUsed(Id, LinkUse.Uploaded, uploaded, CollectionId, client, now) { Count = UploadCount });
    }

    public void Revoke(UserId actor, Capabilities caller, DateTimeOffset now)
    {
        CheckRule(new OnlyOwnerOrManagerCanShare(caller));
        if (RevokedAt is not null)
        {
            return;
        }

        RevokedAt = now;
        Raise(new LinkRevoked(AssetId ?? throw new InvalidOperationException("A collection link is revoked through its collection."), actor, Id, now));
    }

    /// <summary>The collection's owner or a manager revokes one of its links; the link stops working with the next request.</summary>
    public void Revoke(Collection collection, Memberships actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(actor);
        if (CollectionId != collection.Id)
        {
            throw new InvalidOperationException("A link is revoked through its own collection.");
        }

        collection.EnsureShareableBy(actor, now);
        if (RevokedAt is not null)
        {
            return;
        }

        RevokedAt = now;
        Raise(new CollectionLinkRevoked(collection.Id, actor.Person, Id, now));
    }
}
