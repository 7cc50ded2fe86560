using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Users;

namespace MediaVault.Domain.Tests.TestSupport;

/// <summary>A collection with its owner, one person holding each grantable role on it, and a stranger.</summary>
internal sealed class GivenCollections
{
    private readonly Dictionary<AccessRole, UserId> _people;

    private GivenCollections(Collection collection, Dictionary<AccessRole, UserId> people)
    {
        Collection = collection;
        _people = people;
    }

    public Collection Collection { get; }

    public UserId Owner => _people[AccessRole.Owner];

    public UserId Stranger { get; } = UserId.New();

    /// <summary>A person without groups, as the collection sees them.</summary>
    public static Memberships Alone(UserId person) => new(person, new HashSet<GroupId>());

    /// <summary>A person who belongs to <paramref name="groups"/>.</summary>
    public static Memberships InGroups(UserId person, params GroupId[] groups) => new(person, groups.ToHashSet());

    /// <summary>The person playing <paramref name="role"/>; <c>null</c> is the stranger.</summary>
    public UserId Person(AccessRole? role) => role is { } r ? _people[r] : Stranger;

    /// <summary>The person playing <paramref name="role"/> with no groups; <c>null</c> is the stranger.</summary>
    public Memberships Actor(AccessRole? role) => Alone(Person(role));

    /// <summary>The live grant the person playing <paramref name="role"/> holds.</summary>
    public CollectionGrant GrantOf(AccessRole role) => Collection.Grants.Single(g => g.GranteeId == _people[role] && !g.IsRevoked);

    /// <summary>The owner grants <paramref name="role"/> on the collection to <paramref name="grantee"/>, with events cleared.</summary>
    public CollectionGrant Grant(Grantee grantee, AccessRole role, DateTimeOffset? expiresAt = null, bool allowDownload = true)
    {
        var grant = Collection.ShareWith(Alone(Owner), grantee, role, allowDownload, expiresAt, Given.Now);
        Collection.ClearDomainEvents();
        return grant;
    }

    /// <summary>A collection created by its owner, with a viewer, an editor and a manager holding grants, and no events left to see.</summary>
    public static GivenCollections ACollectionWithViewerEditorAndManager()
    {
        var owner = UserId.New();
        var collection = Collection.Create("Summer 2025", "The beach", owner, Given.Now.AddDays(-1));
        var people = new Dictionary<AccessRole, UserId> { [AccessRole.Owner] = owner };
        var given = new GivenCollections(collection, people);
        foreach (var role in new[] { AccessRole.Viewer, AccessRole.Editor, AccessRole.Manager })
        {
            people[role] = UserId.New();
            given.Grant(Grantee.OfPerson(people[role]), role);
        }

        return given;
    }

    /// <summary>What <paramref name="person"/> may do to <paramref name="asset"/>, as decided from the asset's own grants.</summary>
    public static AssetToAdd ToAdd(Asset asset, UserId person) =>
        new(asset.Id, asset.CreatedAt, asset.Status, AccessPolicy.Evaluate(asset, person, Given.Now));

    /// <summary>A ready asset owned by <paramref name="person"/>, ready to add.</summary>
    public static AssetToAdd AnAssetOf(UserId person)
    {
        var asset = Given.AReadyAsset(global::MediaVault.Domain.Owners.Owner.Open(person, Given.QuotaBytes, Given.Now));
        return ToAdd(asset, person);
    }
}
