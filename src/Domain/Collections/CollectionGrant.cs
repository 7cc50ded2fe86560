using MediaVault.Domain.Access;
using MediaVault.Domain.Sharing;
using MediaVault.Domain.Users;

namespace MediaVault.Domain.Collections;

/// <summary>
/// A <see cref="Grant"/> on a collection, to a person or to a group: its role holds on the collection and, through it,
/// on every asset in it that inherits access. Lives inside the <see cref="Collection"/> aggregate.
/// </summary>
public sealed class CollectionGrant : Grant
{
    private CollectionGrant()
    {
    }

    public CollectionId CollectionId { get; private set; }

    internal static CollectionGrant Create(
        CollectionId collectionId, Grantee grantee, AccessRole role, bool allowDownload, DateTimeOffset? expiresAt, UserId createdBy, DateTimeOffset now)
    {
        var grant = new CollectionGrant { CollectionId = collectionId };
        grant.Initialise(GrantId.New(), grantee, role, allowDownload, expiresAt, createdBy, now);
        return grant;
    }
}
