using System.Linq.Expressions;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Users;

namespace MediaVault.Domain.Access;

/// <summary>
/// The single place that decides access to assets. <c>Evaluate</c> answers "what may this person do to this
/// asset now"; <see cref="VisibleTo"/> and <see cref="SharedWith"/> state the same visibility rule as expressions,
/// so that list queries apply it inside the database instead of filtering in memory.
/// </summary>
/// <remarks>
/// Rules: an asset is private to its owner by default; a pending asset is seen by its owner only; a grant gives its
/// role only while it is neither revoked nor past its expiry; administrators are strangers to other people's assets.
/// </remarks>
public static class AccessPolicy
{
    public static Capabilities Evaluate(Asset asset, UserId principal, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return Evaluate(asset.OwnerId, asset.Status, asset.ActiveGrantFor(principal, now)?.Role, principal);
    }

    /// <summary>
    /// The same decision from the facts a query projects: the owner, the status, and the role of the principal's
    /// active grant (<c>null</c> when it holds none).
    /// </summary>
    public static Capabilities Evaluate(UserId ownerId, AssetStatus status, AccessRole? activeGrantRole, UserId principal)
    {
        var isReady = status == AssetStatus.Ready;
        if (ownerId == principal)
        {
            return Capabilities.For(AccessRole.Owner, isReady);
        }

        if (!isReady || activeGrantRole is not { } role || !role.IsGrantable())
        {
            return Capabilities.None;
        }

        return Capabilities.For(role, isReady);
    }

    /// <summary>Assets the principal may see: its own, and ready assets it holds an active grant on.</summary>
    public static Expression<Func<Asset, bool>> VisibleTo(UserId principal, DateTimeOffset now) =>
        asset => asset.OwnerId == principal
            || (asset.Status == AssetStatus.Ready
                && asset.Grants.Any(g => g.GranteeId == principal
                    && g.RevokedAt == null
                    && (g.ExpiresAt == null || g.ExpiresAt > now)));

    /// <summary>Assets the principal sees through an active grant only.</summary>
    public static Expression<Func<Asset, bool>> SharedWith(UserId principal, DateTimeOffset now) =>
        asset => asset.OwnerId != principal
            && asset.Status == AssetStatus.Ready
            && asset.Grants.Any(g => g.GranteeId == principal
                && g.RevokedAt == null
                && (g.ExpiresAt == null || g.ExpiresAt > now));

    /// <summary>Assets the principal owns, pending ones included.</summary>
    public static Expression<Func<Asset, bool>> OwnedBy(UserId principal) => asset => asset.OwnerId == principal;
}
