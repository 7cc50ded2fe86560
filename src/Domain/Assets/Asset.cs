using MediaVault.Domain.Access;
using MediaVault.Domain.Assets.Events;
using MediaVault.Domain.Assets.Media;
using MediaVault.Domain.Assets.Rules;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Common;
using MediaVault.Domain.Owners;
using MediaVault.Domain.Sharing;
using MediaVault.Domain.Sharing.Rules;
using MediaVault.Domain.Users;

namespace MediaVault.Domain.Assets;

/// <summary>
/// An image, video or audio file and everything said about it. It is private to its owner by default and is shared
/// only through the grants it holds. Its life: registered <see cref="AssetStatus.Pending"/> while the bytes are
/// uploaded, then <see cref="AssetStatus.Ready"/>; an upload never completed is abandoned. Deleting a ready asset moves
/// it to the trash (<see cref="DeletedAt"/>), where nobody, its owner included, sees it but under the trash, until it is
/// restored or purged (at <see cref="PurgeAt"/> or on request); deleting a pending upload removes it at once.
/// </summary>
public sealed class Asset : AggregateRoot<AssetId>
{
    private readonly List<Tag> _tags = [];
    private readonly List<ShareGrant> _grants = [];
    private readonly List<Rendition> _renditions = [];

    private Asset()
    {
    }

    public UserId OwnerId { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string? Description { get; private set; }

    /// <summary>The file's name as uploaded (validated as a <see cref="Assets.FileName"/>).</summary>
    public string FileName { get; private set; } = string.Empty;

    /// <summary>The MIME type (validated as a <see cref="Assets.ContentType"/>): image/*, video/* or audio/*.</summary>
    public string ContentType { get; private set; } = string.Empty;

    /// <summary>Follows from the content type; stored so that lists filter on it in the database.</summary>
    public MediaKind Kind { get; private set; }

    public long SizeBytes { get; private set; }

    /// <summary>The SHA-256 digest the client declared, as 64 lower-case hex characters (a <see cref="Sha256Digest"/>).</summary>
    public string? Sha256 { get; private set; }

    public AssetStatus Status { get; private set; }

    /// <summary>Where the bytes live in the object store.</summary>
    public string StorageKey { get; private set; } = string.Empty;

    /// <summary>After this instant a pending upload is abandoned.</summary>
    public DateTimeOffset UploadExpiresAt { get; private set; }

    /// <summary>
    /// The object store's id of the multipart upload that carries the bytes of a large pending asset; <c>null</c> for a
    /// single-request upload. Completing or purging the upload needs it.
    /// </summary>
    public string? MultipartUploadId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Whether the stored bytes match the declared digest (see <see cref="RecordIntegrity"/>).</summary>
    public AssetIntegrity Integrity { get; private set; }

    /// <summary>Probed pixel width; <c>null</c> until probed or when it does not apply.</summary>
    public int? MediaWidth { get; private set; }

    public int? MediaHeight { get; private set; }

    public double? MediaDurationSeconds { get; private set; }

    public string? MediaCodec { get; private set; }

    /// <summary>What probing found, or <c>null</c> until something was found.</summary>
    public MediaInfo? Media
    {
        get
        {
            var media = new MediaInfo(MediaWidth, MediaHeight, MediaDurationSeconds, MediaCodec);
            return media.IsEmpty ? null : media;
        }
    }

    public IReadOnlyCollection<Tag> Tags => _tags.AsReadOnly();

    /// <summary>The smaller pictures made from the stored bytes: a thumbnail and a preview for images and videos, none for audio.</summary>
    public IReadOnlyCollection<Rendition> Renditions => _renditions.AsReadOnly();

    /// <summary>
    /// Whether the access people hold on collections that contain this asset reaches it (default). The owner may turn
    /// it off: then only the owner and grants on the asset itself give access.
    /// </summary>
    public bool InheritsAccess { get; private set; } = true;

    /// <summary>When the asset was moved to the trash; <c>null</c> while it is not in the trash.</summary>
    public DateTimeOffset? DeletedAt { get; private set; }

    /// <summary>
    /// When a trashed asset is purged for good (its deletion plus the retention); once its purge is requested or has
    /// started, the instant that happened. <c>null</c> while the asset is not in the trash.
    /// </summary>
    public DateTimeOffset? PurgeAt { get; private set; }

    /// <summary>Whether the asset is in the trash (restorable or being purged).</summary>
    public bool IsTrashed => DeletedAt is not null;

    /// <summary>What <see cref="AccessPolicy"/> needs to know of this asset.</summary>
    public AssetAccessFacts AccessFacts => new(OwnerId, Status, Integrity, InheritsAccess, IsTrashed);

    /// <summary>The grants loaded with this asset (all of them, or only those a use case asked for).</summary>
    public IReadOnlyCollection<ShareGrant> Grants => _grants.AsReadOnly();

    /// <summary>The upload link this asset was dropped through (<see cref="Drop"/>); <c>null</c> for an asset its owner uploaded.</summary>
    public LinkId? DropLinkId { get; private set; }

    /// <summary>
    /// The hash of the secret upload id a dropped asset is completed with (<see cref="CompleteDrop"/>, once: only while
    /// pending) and its bytes are staged under; <c>null</c> for an asset its owner uploaded.
    /// </summary>
    public string? DropUploadHash { get; private set; }

    /// <summary>
    /// Registers a new upload: the owner's quota is reserved for the declared size, and the asset stays pending,
    /// visible to its owner only, until <see cref="CompleteUpload"/>.
    /// </summary>
    public static Asset Register(
        Owner owner,
        FileName fileName,
        ContentType contentType,
        long sizeBytes,
        long maxSizeBytes,
        Sha256Digest? sha256,
        string? title,
        string? description,
        IEnumerable<Tag> tags,
        DateTimeOffset uploadExpiresAt,
        DateTimeOffset now)
    {
        var asset = Create(owner, fileName, contentType, sizeBytes, maxSizeBytes, sha256, title, description, tags, uploadExpiresAt, now);
        asset.Raise(new AssetRegistered(asset.Id, owner.Id, fileName.Value, contentType.Value, sizeBytes, now));
        return asset;
    }

    /// <summary>
    /// Registers a file dropped anonymously through an upload link into <paramref name="collection"/>: the asset is the
    /// collection owner's (<paramref name="owner"/>), reserves its size on their quota like any upload, takes its title
    /// from the file name, and is completed only through the same link with the secret upload id whose hash is
    /// <paramref name="uploadIdHash"/> (<see cref="CompleteDrop"/>). Nobody acted that the log could name: the link did.
    /// </summary>
    public static Asset Drop(
        Collection collection,
        ShareLink link,
        Owner owner,
        string uploadIdHash,
        FileName fileName,
        ContentType contentType,
        long sizeBytes,
        long maxSizeBytes,
        DateTimeOffset uploadExpiresAt,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentException.ThrowIfNullOrWhiteSpace(uploadIdHash);
        CheckRule(new DropNeedsUsableUploadLink(link, now));
        CheckRule(new DropGoesIntoTheLinksCollection(link, collection.Id));
        CheckRule(new DroppedAssetBelongsToCollectionOwner(collection.OwnerId, owner.Id));
        var asset = Create(owner, fileName, contentType, sizeBytes, maxSizeBytes, null, null, null, [], uploadExpiresAt, now);
        asset.DropLinkId = link.Id;
        asset.DropUploadHash = uploadIdHash;
        asset.Raise(new AssetRegistered(asset.Id, null, fileName.Value, contentType.Value, sizeBytes, now) { LinkId = link.Id });
        return asset;
    }

    private static Asset Create(
        Owner owner,
        FileName fileName,
        ContentType contentType,
        long sizeBytes,
        long maxSizeBytes,
        Sha256Digest? sha256,
        string? title,
        string? description,
        IEnumerable<Tag> tags,
        DateTimeOffset uploadExpiresAt,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(contentType);
        CheckRule(new AssetSizeMustBeWithinLimit(sizeBytes, maxSizeBytes));
        var distinctTags = tags.Distinct().ToList();
        CheckRule(new TagsPerAssetMustBeLimited(distinctTags.Count));
        owner.Reserve(sizeBytes, now);

        var id = AssetId.New();
        var asset = new Asset
        {
            Id = id,
            OwnerId = owner.Id,
            Title = string.IsNullOrWhiteSpace(title) ? DefaultTitle(fileName) : title.Trim(),
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            FileName = fileName.Value,
            ContentType = contentType.Value,
            Kind = contentType.Kind,
            SizeBytes = sizeBytes,
            Sha256 = sha256?.Value,
            Status = AssetStatus.Pending,
            StorageKey = $"assets/{owner.Id}/{id}",
            UploadExpiresAt = uploadExpiresAt,
            CreatedAt = now,
            UpdatedAt = now,
        };
        asset._tags.AddRange(distinctTags);
        return asset;
    }

    /// <summary>
    /// Marks the upload complete once the stored object matches what was declared, and settles the reserved quota.
    /// Idempotent: completing a ready asset changes nothing and returns <c>false</c>.
    /// </summary>
    public bool CompleteUpload(Owner owner, Capabilities caller, long storedSizeBytes, string? storedContentType, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(owner);
        CheckRule(new OnlyOwnerCanCompleteUpload(caller));
        if (Status == AssetStatus.Ready)
        {
            return false;
        }

        MarkUploaded(owner, OwnerId, storedSizeBytes, storedContentType, now);
        return true;
    }

    /// <summary>
    /// Completes a dropped upload (<see cref="Drop"/>) once the stored object matches what was declared: only through the
    /// link it was dropped through, with its secret upload id (<paramref name="uploadIdHash"/>), while the link is usable
    /// and only once (the id is spent). The reservation on the owner's quota is settled as for any upload.
    /// </summary>
    public void CompleteDrop(Owner owner, ShareLink link, string uploadIdHash, long storedSizeBytes, string? storedContentType, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(link);
        CheckRule(new DropUploadMustBeBoundToLink(DropLinkId, DropUploadHash, Status, link.Id, uploadIdHash));
        CheckRule(new DropNeedsUsableUploadLink(link, now));
        MarkUploaded(owner, null, storedSizeBytes, storedContentType, now);
    }

    private void MarkUploaded(Owner owner, UserId? actor, long storedSizeBytes, string? storedContentType, DateTimeOffset now)
    {
        CheckRule(new StoredObjectMustMatchDeclaration(SizeBytes, ContentType, storedSizeBytes, storedContentType));
        owner.SettleReservation(SizeBytes, now);
        Status = AssetStatus.Ready;
        UpdatedAt = now;
        if (Kind != MediaKind.Audio)
        {
            _renditions.Clear();
            _renditions.AddRange(Rendition.Names.Select(Rendition.Pending));
        }

        Raise(new AssetUploaded(Id, actor, SizeBytes, now));
    }

    /// <summary>Notes that the bytes arrive in parts, through the object store's multipart upload <paramref name="uploadId"/>.</summary>
    public void UseMultipartUpload(string uploadId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uploadId);
        CheckRule(new OnlyPendingUploadTakesMultipartUpload(Status, MultipartUploadId));
        MultipartUploadId = uploadId;
    }

    /// <summary>Gives up an upload that never completed: its reservation is released; the caller removes the row and object.</summary>
    public void AbandonUpload(Owner owner, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(owner);
        CheckRule(new OnlyPendingAssetCanBeAbandoned(Status));
        CheckRule(new UploadWindowMustHaveClosed(UploadExpiresAt, now));
        owner.ReleaseReservation(SizeBytes, now);
        Raise(new UploadAbandoned(Id, null, StorageKey, now));
    }

    /// <summary>Changes title, description or tags; a <c>null</c> argument leaves that detail as it is.</summary>
    public void UpdateDetails(UserId actor, Capabilities caller, string? title, string? description, IReadOnlyCollection<Tag>? tags, DateTimeOffset now)
    {
        CheckRule(new OnlyEditorsCanEditAsset(caller));
        var changed = new List<string>();
        if (title is not null && !string.IsNullOrWhiteSpace(title) && title.Trim() != Title)
        {
            Title = title.Trim();
            changed.Add("title");
        }

        if (description is not null)
        {
            var newDescription = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
            if (newDescription != Description)
            {
                Description = newDescription;
                changed.Add("description");
            }
        }

        if (tags is not null)
        {
            var distinct = tags.Distinct().ToList();
            CheckRule(new TagsPerAssetMustBeLimited(distinct.Count));
            if (!distinct.ToHashSet().SetEquals(_tags))
            {
                _tags.RemoveAll(t => !distinct.Contains(t));
                _tags.AddRange(distinct.Where(t => !_tags.Contains(t)));
                changed.Add("tags");
            }
        }

        if (changed.Count > 0)
        {
            UpdatedAt = now;
            Raise(new AssetUpdated(Id, actor, changed, now));
        }
    }

    /// <summary>Lets collection access reach this asset, or stops it: the owner's decision alone.</summary>
    public void ChangeInheritance(UserId actor, Capabilities caller, bool inheritsAccess, DateTimeOffset now)
    {
        CheckRule(new OnlyOwnerChangesInheritance(caller));
        if (inheritsAccess == InheritsAccess)
        {
            return;
        }

        InheritsAccess = inheritsAccess;
        UpdatedAt = now;
        Raise(new AssetUpdated(Id, actor, ["inheritsAccess"], now));
    }

    /// <summary>
    /// Records the SHA-256 digest of the stored bytes. A declared digest that matches makes the asset
    /// <see cref="AssetIntegrity.Verified"/>, one that differs <see cref="AssetIntegrity.Mismatch"/> (hidden from everyone
    /// but its owner, never served); without a declared digest the computed one becomes the asset's digest.
    /// </summary>
    public void RecordIntegrity(Sha256Digest computed, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(computed);
        CheckRule(new OnlyReadyAssetIsProcessed(Status));
        if (Sha256 is null)
        {
            Sha256 = computed.Value;
        }

        var integrity = Sha256 == computed.Value ? AssetIntegrity.Verified : AssetIntegrity.Mismatch;
        if (integrity != Integrity)
        {
            Integrity = integrity;
            UpdatedAt = now;
        }
    }

    /// <summary>Records what probing the stored bytes found (pixel size, duration, codec).</summary>
    public void RecordMedia(MediaInfo media, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(media);
        CheckRule(new OnlyReadyAssetIsProcessed(Status));
        (MediaWidth, MediaHeight, MediaDurationSeconds, MediaCodec) = (media.Width, media.Height, media.DurationSeconds, media.Codec);
        UpdatedAt = now;
    }

    /// <summary>Records that the rendition <paramref name="name"/> was stored, with its type and pixel size.</summary>
    public void RecordRenditionReady(string name, string contentType, int width, int height, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        CheckRule(new OnlyReadyAssetIsProcessed(Status));
        CheckRule(new RenditionMustExist(name, _renditions));
        _renditions.First(r => r.Name == name).MarkReady(contentType, width, height);
        UpdatedAt = now;
    }

    /// <summary>Records that the rendition <paramref name="name"/> cannot be made from the stored bytes.</summary>
    public void RecordRenditionFailed(string name, DateTimeOffset now)
    {
        CheckRule(new OnlyReadyAssetIsProcessed(Status));
        CheckRule(new RenditionMustExist(name, _renditions));
        _renditions.First(r => r.Name == name).MarkFailed();
        UpdatedAt = now;
    }

    /// <summary>
    /// The rendition to hand to a caller who can see the asset: it must exist and be ready, and the asset's bytes must
    /// not be in doubt.
    /// </summary>
    public Rendition RenditionToServe(string name)
    {
        CheckRule(new MismatchedAssetIsNotServed(Integrity));
        CheckRule(new RenditionMustExist(name, _renditions));
        var rendition = _renditions.First(r => r.Name == name);
        CheckRule(new RenditionMustBeReady(rendition.Status));
        return rendition;
    }

    /// <summary>Records that a person was handed a download URL for this asset.</summary>
    public void RecordDownload(UserId actor, Capabilities caller, DateTimeOffset now)
    {
        CheckRule(new MismatchedAssetIsNotServed(Integrity));
        CheckRule(new DownloadRequiresReadyAssetAndAccess(caller));
        Raise(new AssetDownloaded(Id, actor, now));
    }

    /// <summary>
    /// Deletes the asset: only its owner may. A ready asset moves to the trash: nothing else changes (grants, links,
    /// collection entries and the quota it uses stay as they are, so a restore brings everything back), and it is purged
    /// after <paramref name="retention"/>. A pending upload has nothing to restore: its reservation is given back and
    /// the caller removes the row and objects at once.
    /// </summary>
    public AssetDeletion Delete(Owner owner, Capabilities caller, TimeSpan retention, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(owner);
        CheckRule(new OnlyOwnerCanDeleteAsset(caller));
        Raise(new AssetDeleted(Id, OwnerId, StorageKey, now));
        if (Status == AssetStatus.Ready)
        {
            DeletedAt = now;
            PurgeAt = now + retention;
            return AssetDeletion.MovedToTrash;
        }

        owner.ReleaseReservation(SizeBytes, now);
        return AssetDeletion.Removed;
    }

    /// <summary>Takes the asset out of the trash, exactly as it was: only its owner, and only before its purge is due.</summary>
    public void Restore(UserId actor, DateTimeOffset now)
    {
        CheckRule(new OnlyOwnerManagesTrash(OwnerId, actor));
        CheckRule(new AssetMustBeRestorable(DeletedAt, PurgeAt, now));
        DeletedAt = null;
        PurgeAt = null;
        Raise(new AssetRestored(Id, actor, now));
    }

    /// <summary>The owner asks for the trashed asset to be purged now rather than after the retention.</summary>
    public void RequestPurge(UserId actor, DateTimeOffset now)
    {
        CheckRule(new OnlyOwnerManagesTrash(OwnerId, actor));
        CheckRule(new AssetMustBeRestorable(DeletedAt, PurgeAt, now));
        PurgeAt = now;
    }

    /// <summary>
    /// Marks the start of a due purge (before its objects are removed): from now on no restore can succeed, and a restore
    /// decided from the state before this mark fails its save. Idempotent in effect: a purge retried starts again.
    /// </summary>
    public void StartPurge(DateTimeOffset now)
    {
        CheckRule(new PurgeMustBeDue(DeletedAt, PurgeAt, now));
        PurgeAt = now;
    }

    /// <summary>
    /// Purges a trashed asset whose purge is due, once its objects are gone: the bytes it used go back to the owner's
    /// quota; the caller removes the row. <paramref name="actor"/> is the owner who asked for it, or <c>null</c> when the
    /// retention ran out.
    /// </summary>
    public void Purge(Owner owner, UserId? actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(owner);
        CheckRule(new PurgeMustBeDue(DeletedAt, PurgeAt, now));
        owner.ReleaseUsage(SizeBytes, now);
        Raise(new AssetPurged(Id, actor, StorageKey, now));
    }

    /// <summary>The grant on this asset to <paramref name="person"/> itself that is active now, if any (group grants aside).</summary>
    public ShareGrant? ActiveGrantFor(UserId person, DateTimeOffset now) =>
        _grants.FirstOrDefault(g => g.GranteeId == person && g.IsActiveAt(now));

    /// <summary>
    /// Grants a person or a group a role on this asset. Only the owner or a manager shares; the owner is never a
    /// grantee; a person or group holds one live grant per asset; ownership is not granted; expiry lies in the future.
    /// A grant that has expired or was revoked before does not stand in the way.
    /// </summary>
    public ShareGrant ShareWith(UserId actor, Capabilities caller, Grantee grantee, AccessRole role, bool allowDownload, DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        CheckRule(new OnlyOwnerOrManagerCanShare(caller));
        if (grantee.PersonId is { } person)
        {
            CheckRule(new GrantCannotTargetOwner(OwnerId, person));
            CheckRule(new NobodyGrantsToThemselves(actor, person));
        }

        CheckRule(new GrantRoleMustBeGrantable(role));
        CheckRule(new GrantExpiryMustBeInFuture(expiresAt, now));
        CheckRule(new OneActiveGrantPerGrantee(HasLiveGrant(grantee, now)));

        foreach (var lapsed in _grants.Where(g => grantee.Holds(g) && !g.IsRevoked && !g.IsActiveAt(now)))
        {
            lapsed.Revoke(actor, now);
        }

        var grant = ShareGrant.Create(Id, CreatedAt, grantee, role, allowDownload, expiresAt, actor, now);
        _grants.Add(grant);
        Raise(new GrantCreated(Id, actor, grant.Id, grant.GranteeId, grant.GroupId, role, grant.AllowDownload, grant.ExpiresAt, now));
        return grant;
    }

    /// <summary>Whether <paramref name="grantee"/> holds a grant on this asset that is neither revoked nor expired.</summary>
    public bool HasLiveGrant(Grantee grantee, DateTimeOffset now) => _grants.Any(g => grantee.Holds(g) && g.IsActiveAt(now));

    /// <summary>
    /// Changes the role, download permission or expiry of a grant (owner or manager only). Nobody changes a grant they
    /// hold, personally or through one of their groups: a manager whose grant expires cannot make it last longer, only
    /// the owner or another manager can.
    /// </summary>
    public void ChangeGrant(Memberships actor, Capabilities caller, GrantId grantId, AccessRole? role, bool? allowDownload, DateTimeOffset? expiresAt, bool clearExpiry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var grant = FindGrant(grantId);
        CheckRule(new OnlyOwnerOrManagerCanShare(caller));
        CheckRule(new GranteeCannotChangeOwnGrant(actor.Covers(grant)));

        CheckRule(new RevokedGrantCannotChange(grant.IsRevoked));
        var newRole = role ?? grant.Role;
        var newExpiry = clearExpiry ? null : expiresAt ?? grant.ExpiresAt;
        CheckRule(new GrantRoleMustBeGrantable(newRole));
        if (expiresAt is not null)
        {
            CheckRule(new GrantExpiryMustBeInFuture(expiresAt, now));
        }

        grant.Change(newRole, allowDownload ?? grant.AllowDownload, newExpiry, now);
        Raise(new GrantUpdated(Id, actor.Person, grant.Id, grant.GranteeId, grant.GroupId, grant.Role, grant.AllowDownload, grant.ExpiresAt, now));
    }

    /// <summary>Ends a grant at once: by the owner, a manager, or the grantee leaving (a person's grant only).</summary>
    public void RevokeGrant(UserId actor, Capabilities caller, GrantId grantId, DateTimeOffset now)
    {
        var grant = FindGrant(grantId);
        CheckRule(new OnlyOwnerManagerOrGranteeCanRevokeGrant(caller, actor, grant.GranteeId));
        if (grant.IsRevoked)
        {
            return;
        }

        grant.Revoke(actor, now);
        Raise(new GrantRevoked(Id, actor, grant.Id, grant.GranteeId, grant.GroupId, now));
    }

    // A file name may be longer than a title; the title taken from it is cut to fit (never inside a surrogate pair).
    private static string DefaultTitle(FileName fileName)
    {
        var value = fileName.Value;
        if (value.Length <= AssetDetails.TitleMaxLength)
        {
            return value;
        }

        var cut = char.IsHighSurrogate(value[AssetDetails.TitleMaxLength - 1]) ? AssetDetails.TitleMaxLength - 1 : AssetDetails.TitleMaxLength;
        return value[..cut].TrimEnd();
    }

    private ShareGrant FindGrant(GrantId grantId) =>
        _grants.FirstOrDefault(g => g.Id == grantId)
        ?? throw new InvalidOperationException($"Grant {grantId} is not loaded with asset {Id}.");
}
