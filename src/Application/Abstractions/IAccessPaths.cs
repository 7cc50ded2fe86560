using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Abstractions;

/// <summary>
/// Read port: the active paths from a person to assets that lie outside the asset aggregate (grants to the person's
/// groups, grants on collections that contain the asset), or every active path, as <see cref="AccessPolicy.Decide"/>
/// weighs them. One SQL statement per call (Application's <c>EffectiveAccessQuery.PathsOf</c>).
/// </summary>
public interface IAccessPaths
{
    /// <summary>The active paths from <paramref name="person"/> to each asset; with <paramref name="includePersonalGrants"/> false, grants on the asset to the person itself are left out (the aggregate holds them).</summary>
    Task<ILookup<AssetId, AccessPath>> ActivePathsAsync(
        UserId person, IReadOnlyCollection<AssetId> assets, bool includePersonalGrants, DateTimeOffset now, CancellationToken cancellationToken);
}
