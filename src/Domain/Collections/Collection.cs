using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Collections.Events;
using MediaVault.Domain.Collections.Rules;
using MediaVault.Domain.Common;
using MediaVault.Domain.Sharing;
using MediaVault.Domain.Sharing.Rules;
using MediaVault.Domain.Users;

namespace MediaVault.Domain.Collections;

/// <summary>
/// An album: assets put together by people who may share them, and shared as one. A grant on the collection gives its
/// role on the collection and on every asset in it that inherits access (<see cref="Asset.InheritsAccess"/>). The
/// assets stay where they are: a collection holds entries, not assets. Every behaviour decides from the collection's
/// own grants and the acting person's memberships (<see cref="AccessOf"/>).
/// </summary>
public sealed class Collection : AggregateRoot<CollectionId>
{
    private readonly List<CollectionEntry> _entries = [];
    private readonly List<CollectionGrant> _grants = [];

    private Collection()
    {
    }

    public UserId OwnerId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string? Description { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The entries loaded with this collection (all of them, or only those a use case asked for).</summary>
    public IReadOnlyCollection<CollectionEntry> Entries => _entries.AsReadOnly();

    /// <summary>The grants loaded with this collection (the live ones, or those of the acting person).</summary>
    public IReadOnlyCollection<CollectionGrant> Grants => _grants.AsReadOnly();

    public static Collection Create(string name, string? description, UserId creator, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var collection = new Collection
        {
            Id = CollectionId.New(),
            OwnerId = creator,
            Name = name.Trim(),
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        collection.Raise(new CollectionCreated(collection.Id, creator, collection.Name, now));
        return collection;
    }

    /// <summary>
    /// What <paramref name="person"/> may do to this collection now: everything as its owner, else the strongest of its
    /// active grants to the person or to one of the person's groups (from the grants loaded with it).
    /// </summary>
    public CollectionAccess AccessOf(Memberships person, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (person.Person == OwnerId)
        {
            return CollectionAccess.For(AccessRole.Owner);
        }

        var strongest = _grants.Where(g => g.IsActiveAt(now) && person.Covers(g)).Select(g => (AccessRole?)g.Role).Max();
        return CollectionAccess.For(strongest);
    }

    /// <summary>Checks that the person sees the collection, without changing anything.</summary>
    public CollectionAccess EnsureVisibleTo(Memberships person, DateTimeOffset now)
    {
        var access = AccessOf(person, now);
        CheckRule(new OnlyGranteesSeeCollection(access));
        return access;
    }

    /// <summary>Checks that the person may rename the collection and add or remove assets (editors and up), without changing anything.</summary>
    public CollectionAccess EnsureEditableBy(Memberships person, DateTimeOffset now)
    {
        var access = EnsureVisibleTo(person, now);
        CheckRule(new OnlyEditorsChangeCollection(access));
        return access;
    }

    /// <summary>Checks that the person may grant access to the collection and read its activity (owner and managers), without changing anything.</summary>
    public CollectionAccess EnsureShareableBy(Memberships person, DateTimeOffset now)
    {
        var access = EnsureVisibleTo(person, now);
        CheckRule(new OnlyManagersShareCollection(access));
        return access;
    }

    /// <summary>Renames or describes the collection; a <c>null</c> argument leaves that detail, a blank description removes it.</summary>
    public void Describe(Memberships actor, string? name, string? description, DateTimeOffset now)
    {
        CheckRule(new OnlyEditorsChangeCollection(EnsureVisibleTo(actor, now)));
        var changed = new List<string>();
        if (!string.IsNullOrWhiteSpace(name) && name.Trim() != Name)
        {
            Name = name.Trim();
            changed.Add("name");
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

        if (changed.Count > 0)
        {
            UpdatedAt = now;
            Raise(new CollectionUpdated(Id, actor.Person, changed, now));
        }
    }

    /// <summary>Deletes the collection: only its owner may. The assets stay; access inherited through it ends with it.</summary>
    public void Delete(Memberships actor, DateTimeOffset now)
    {
        CheckRule(new OnlyOwnerDeletesCollection(EnsureVisibleTo(actor, now)));
        Raise(new CollectionDeleted(Id, actor.Person, now));
    }

    /// <summary>
    /// Adds assets (all or none): the actor edits the collection, and sees, may share, and has a ready copy of each
    /// asset. Assets already in it are reported, not added twice. Needs the entries of these assets loaded.
    /// </summary>
    public (IReadOnlyList<AssetId> Added, IReadOnlyList<AssetId> AlreadyPresent) AddAssets(
        Memberships actor, IReadOnlyList<AssetToAdd> assets, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(assets);
        CheckRule(new OnlyEditorsChangeCollection(EnsureVisibleTo(actor, now)));
        foreach (var asset in assets)
        {
            CheckRule(new AddedAssetMustBeVisible(asset.Access));
        }

        foreach (var asset in assets)
        {
            CheckRule(new AddedAssetMustBeShareable(asset.Access));
        }

        foreach (var asset in assets)
        {
            CheckRule(new AddedAssetMustBeReady(asset.Status));
        }

        var added = new List<AssetId>();
        var present = new List<AssetId>();
        foreach (var asset in assets.DistinctBy(a => a.Id))
        {
            if (_entries.Any(e => e.AssetId == asset.Id))
            {
                present.Add(asset.Id);
                continue;
            }

            _entries.Add(CollectionEntry.Create(Id, asset.Id, asset.CreatedAt, actor.Person, now));
            added.Add(asset.Id);
            Raise(new CollectionAssetAdded(Id, actor.Person, asset.Id, now));
        }

        if (added.Count > 0)
        {
            UpdatedAt = now;
        }

        return (added, present);
    }

    /// <summary>
    /// Takes in an asset dropped through one of this collection's upload links, once its upload completed: the entry
    /// is added by nobody a person could name (the link did; the entry is filed under the owner, whose asset it is), and
    /// the collection's grantees reach it through the one rule like any other entry. Needs that asset's entry loaded.
    /// </summary>
    public void ReceiveDrop(ShareLink link, Asset asset, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(asset);
        CheckRule(new DropGoesIntoTheLinksCollection(link, Id));
        CheckRule(new DroppedAssetBelongsToCollectionOwner(OwnerId, asset.OwnerId));
        CheckRule(new DroppedAssetMustComeThroughLink(asset.DropLinkId, link.Id));
        CheckRule(new AddedAssetMustBeReady(asset.Status));
        if (_entries.Any(e => e.AssetId == asset.Id))
        {
            return;
        }

        _entries.Add(CollectionEntry.Create(Id, asset.Id, asset.CreatedAt, OwnerId, now));
        UpdatedAt = now;
        Raise(new CollectionAssetAdded(Id, null, asset.Id, now));
    }

    /// <summary>Takes an asset out of the collection (editors and up). Needs that asset's entry loaded.</summary>
    public void RemoveAsset(Memberships actor, AssetId assetId, DateTimeOffset now)
    {
        CheckRule(new OnlyEditorsChangeCollection(EnsureVisibleTo(actor, now)));
        var entry = _entries.FirstOrDefault(e => e.AssetId == assetId);
        CheckRule(new RemovedAssetMustBeInCollection(entry is not null));
        _entries.Remove(entry!);
        UpdatedAt = now;
        Raise(new CollectionAssetRemoved(Id, actor.Person, assetId, now));
    }

    /// <summary>
    /// Grants a person or a group a role on the collection (owner and managers). The same rules as a grant on an asset:
    /// the owner is never a grantee, ownership is not granted, expiry lies in the future, one live grant per grantee.
    /// </summary>
    public CollectionGrant ShareWith(Memberships actor, Grantee grantee, AccessRole role, bool allowDownload, DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        CheckRule(new OnlyManagersShareCollection(EnsureVisibleTo(actor, now)));
        if (grantee.PersonId is { } person)
        {
            CheckRule(new GrantCannotTargetOwner(OwnerId, person));
            CheckRule(new NobodyGrantsToThemselves(actor.Person, person));
        }

        CheckRule(new GrantRoleMustBeGrantable(role));
        CheckRule(new GrantExpiryMustBeInFuture(expiresAt, now));
        CheckRule(new OneActiveGrantPerGrantee(HasLiveGrant(grantee, now)));
        foreach (var lapsed in _grants.Where(g => grantee.Holds(g) && !g.IsRevoked && !g.IsActiveAt(now)))
        {
            lapsed.Revoke(actor.Person, now);
        }

        var grant = CollectionGrant.Create(Id, grantee, role, allowDownload, expiresAt, actor.Person, now);
        _grants.Add(grant);
        Raise(new CollectionGrantCreated(Id, actor.Person, grant.Id, grant.GranteeId, grant.GroupId, role, grant.AllowDownload, grant.ExpiresAt, now));
        return grant;
    }

    public bool HasLiveGrant(Grantee grantee, DateTimeOffset now) => _grants.Any(g => grantee.Holds(g) && g.IsActiveAt(now));

    /// <summary>Changes a grant's role, download permission or expiry (owner and managers; never one's own grant).</summary>
    public void ChangeGrant(Memberships actor, GrantId grantId, AccessRole? role, bool? allowDownload, DateTimeOffset? expiresAt, bool clearExpiry, DateTimeOffset now)
    {
        CheckRule(new OnlyManagersShareCollection(EnsureVisibleTo(actor, now)));
        var grant = FindGrant(grantId);
        CheckRule(new GranteeCannotChangeOwnGrant(actor.Covers(grant)));

        CheckRule(new RevokedGrantCannotChange(grant.IsRevoked));
        var newRole = role ?? grant.Role;
        CheckRule(new GrantRoleMustBeGrantable(newRole));
        if (expiresAt is not null)
        {
            CheckRule(new GrantExpiryMustBeInFuture(expiresAt, now));
        }

        grant.Change(newRole, allowDownload ?? grant.AllowDownload, clearExpiry ? null : expiresAt ?? grant.ExpiresAt, now);
        Raise(new CollectionGrantUpdated(Id, actor.Person, grant.Id, grant.GranteeId, grant.GroupId, grant.Role, grant.AllowDownload, grant.ExpiresAt, now));
    }

    /// <summary>Ends a grant at once: by the owner, a manager, or the person holding it (leaving).</summary>
    public void RevokeGrant(Memberships actor, GrantId grantId, DateTimeOffset now)
    {
        var access = EnsureVisibleTo(actor, now);
        var grant = FindGrant(grantId);
        CheckRule(new OnlyManagersShareCollection(grant.GranteeId == actor.Person ? CollectionAccess.For(AccessRole.Manager) : access));
        if (grant.IsRevoked)
        {
            return;
        }

        grant.Revoke(actor.Person, now);
        Raise(new CollectionGrantRevoked(Id, actor.Person, grant.Id, grant.GranteeId, grant.GroupId, now));
    }

    private CollectionGrant FindGrant(GrantId grantId) =>
        _grants.FirstOrDefault(g => g.Id == grantId)
        ?? throw new InvalidOperationException($"Grant {grantId} is not loaded with collection {Id}.");
}

/// <summary>An asset someone wants to add to a collection, with what that person may do to it.</summary>
public sealed record AssetToAdd(AssetId Id, DateTimeOffset CreatedAt, AssetStatus Status, Capabilities Access);
