using System.Linq.Expressions;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Media;
using MediaVault.Domain.Users;

namespace MediaVault.Domain.Access;

/// <summary>
/// The one rule that decides what a person may do to an asset (contract: "Effective access"). A person's role is the
/// strongest of: owner of the asset; an active grant on the asset to the person; an active grant on the asset to a
/// group the person is a member of; an active grant, to the person or one of their groups, on a collection that
/// contains the asset, unless the asset does not inherit access. Roles order viewer &lt; editor &lt; manager &lt; owner.
/// </summary>
/// <remarks>
/// Only the owner sees an asset that is pending, or whose stored bytes do not match the digest its owner declared
/// (integrity mismatch; not even the owner downloads it). Nobody, the owner included, sees an asset in the trash: every
/// path to it stops while it is there and works again once it is restored (the trash use cases find it by owner and
/// state alone). The person may download the original when the asset is
/// ready and at least one of the paths that give access allows it (the owner always may). Administrators are strangers
/// to other people's assets. Single-asset calls, the batch check and the explanation call <see cref="Decide"/> with
/// the active paths the database found; lists apply the same rule in SQL (Application's <c>EffectiveAccessQuery</c>)
/// and hand each row's strongest paths to <see cref="Decide"/>: a property test proves the two agree.
/// </remarks>
public static class AccessPolicy
{
    /// <summary>Decides from the asset's facts and the person's active paths to it (owner path not included: it is derived).</summary>
    public static AccessDecision Decide(AssetAccessFacts asset, UserId person, IEnumerable<AccessPath> activePaths)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(activePaths);
        if (asset.IsTrashed)
        {
            return new AccessDecision(Capabilities.None, []);
        }

        var isOwner = asset.OwnerId == person;
        var isReady = asset.Status == AssetStatus.Ready && asset.Integrity != AssetIntegrity.Mismatch;
        if (!isOwner && !isReady)
        {
            return new AccessDecision(Capabilities.None, []);
        }

        // A list page decides this for every row: one list and a loop, no LINQ chain of iterators and delegates.
        var paths = new List<AccessPath>(activePaths is IReadOnlyCollection<AccessPath> all ? all.Count + 1 : 4);
        foreach (var path in activePaths)
        {
            if (path.Kind != AccessPathKind.Owner && path.Role.IsGrantable() && (path.Kind != AccessPathKind.CollectionGrant || asset.InheritsAccess))
            {
                InsertByStrength(paths, path);
            }
        }

        if (isOwner)
        {
            InsertByStrength(paths, new AccessPath(AccessPathKind.Owner, AccessRole.Owner, AllowDownload: true));
        }

        if (paths.Count == 0)
        {
            return new AccessDecision(Capabilities.None, []);
        }

        var canDownload = isReady && paths.Exists(static p => p.AllowDownload);
        return new AccessDecision(Capabilities.For(paths[0].Role, canDownload), paths);
    }

    /// <summary>
    /// Puts <paramref name="path"/> after every path at least as strong: the strongest role first, then the kind
    /// (owner, grant, group grant, collection grant), then the path that allows downloading; equal paths keep their order.
    /// </summary>
    private static void InsertByStrength(List<AccessPath> paths, AccessPath path)
    {
        var at = paths.Count;
        while (at > 0 && IsStronger(path, paths[at - 1]))
        {
            at--;
        }

        paths.Insert(at, path);
    }

    private static bool IsStronger(AccessPath path, AccessPath than) =>
        path.Role != than.Role ? path.Role > than.Role
        : path.Kind != than.Kind ? path.Kind < than.Kind
        : path.AllowDownload && !than.AllowDownload;

    /// <summary>
    /// What the person may do, from the asset alone: ownership and the person's own grant among those loaded with it.
    /// Enough where the person is known to be the owner (a new upload); use cases that find an asset for a caller
    /// pass every path the database found to <see cref="Decide"/>.
    /// </summary>
    public static Capabilities Evaluate(Asset asset, UserId person, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(asset);
        AccessPath[] own = asset.ActiveGrantFor(person, now) is { } grant
            ? [new AccessPath(AccessPathKind.Grant, grant.Role, grant.AllowDownload, grant.ExpiresAt, grant.Id)]
            : [];
        return Decide(asset.AccessFacts, person, own).Capabilities;
    }

    /// <summary>Assets the principal owns and sees, pending ones included, trashed ones not.</summary>
    public static Expression<Func<Asset, bool>> OwnedBy(UserId principal) => asset => asset.OwnerId == principal && asset.DeletedAt == null;

    /// <summary>
    /// Assets other people may be given access to: ready, not in doubt and not in the trash (the owner sees pending and
    /// mismatched ones alone; nobody sees trashed ones).
    /// </summary>
    public static Expression<Func<Asset, bool>> ShareableState() =>
        asset => asset.Status == AssetStatus.Ready && asset.Integrity != AssetIntegrity.Mismatch && asset.DeletedAt == null;

    /// <summary><see cref="ShareableState"/> for one loaded asset: what an anonymous link holder may be shown.</summary>
    public static bool IsShareable(AssetAccessFacts asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return asset.Status == AssetStatus.Ready && asset.Integrity != AssetIntegrity.Mismatch && !asset.IsTrashed;
    }
}
