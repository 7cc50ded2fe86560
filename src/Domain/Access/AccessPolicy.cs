using System.Linq.Expressions;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Media;
using MediaVault.Domain.Users;

namespace MediaVault.Domain.Access;

/// <summary>
/// The single place that decides access to assets. <c>Evaluate</c> answers "what may this person do to this
/// asset now"; <see cref="VisibleTo"/> and <see cref="SharedWith"/> state the same visibility rule as expressions,
/// so that list queries apply it inside the database instead of filtering in memory.
/// </summary>
/// <remarks>
/// Rules: an asset is private to its owner by default; a pending asset is seen by its owner only, and so is one whose
/// stored bytes do not match the digest its owner declared (integrity mismatch: not even the owner downloads it); a grant gives its
/// role only while it is neither revoked nor past its expiry; administrators are strangers to other people's assets.
/// </remarks>
public static class AccessPolicy
{
    public static Capabilities Evaluate(Asset asset, UserId principal, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return Evaluate(asset.OwnerId, asset.Status, asset.Integrity, asset.ActiveGrantFor(principal, now)?.Role, principal);
    }

    /// <summary>
    /// The same decision from the facts a query projects: the owner, the status, the integrity, and the role of the
    /// principal's active grant (<c>null</c> when it holds none). An integrity mismatch counts as "not ready": the owner
    /// sees the asset but does not download it, and nobody else sees it.
    /// </summary>
    public static Capabilities Evaluate(UserId ownerId, AssetStatus status, AssetIntegrity integrity, AccessRole? activeGrantRole, UserId principal)
    {
        var isReady = status == AssetStatus.Ready && integrity != AssetIntegrity.Mismatch;
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

    /// <summary>Assets the principal may see: its own, and ready assets whose integrity is not in doubt that it holds an active grant on.</summary>
    public static Expression<Func<Asset, bool>> VisibleTo(UserId principal, DateTimeOffset now) =>
        asset => asset.OwnerId == principal
            || (asset.Status == AssetStatus.Ready
                && asset.Integrity != AssetIntegrity.Mismatch
                && asset.Grants.Any(g => g.GranteeId == principal
                    && g.RevokedAt == null
                    && (g.ExpiresAt == null || g.ExpiresAt > now)));

    /// <summary>Assets the principal sees through an active grant only.</summary>
    public static Expression<Func<Asset, bool>> SharedWith(UserId principal, DateTimeOffset now) =>
        asset => asset.OwnerId != principal
            && asset.Status == AssetStatus.Ready
            && asset.Integrity != AssetIntegrity.Mismatch
            && asset.Grants.Any(g => g.GranteeId == principal
                && g.RevokedAt == null
                && (g.ExpiresAt == null || g.ExpiresAt > now));

    /// <summary>Assets the principal owns, pending ones included.</summary>
    public static Expression<Func<Asset, bool>> OwnedBy(UserId principal) => asset => asset.OwnerId == principal;
}
