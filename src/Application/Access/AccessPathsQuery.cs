using MediaVault.Application.Abstractions;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Access;

/// <summary><see cref="IAccessPaths"/> over <see cref="IQueryRunner"/>: <see cref="EffectiveAccessQuery.PathsOf"/> as one statement.</summary>
public sealed class AccessPathsQuery(IQueryRunner queries) : IAccessPaths
{
    public async Task<ILookup<AssetId, AccessPath>> ActivePathsAsync(
        UserId person, IReadOnlyCollection<AssetId> assets, bool includePersonalGrants, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assets);
        if (assets.Count == 0)
        {
            return Array.Empty<AccessPath>().ToLookup(_ => default(AssetId));
        }

        var (onAssets, throughCollections) = EffectiveAccessQuery.PathsOf(AccessSources.From(queries), person, assets, now);
        var rows = await queries.ListAsync(onAssets, cancellationToken);
        rows.AddRange(await queries.ListAsync(throughCollections, cancellationToken));
        return rows
            .Where(r => includePersonalGrants || r.Kind != AccessPathKind.Grant)
            .ToLookup(r => r.AssetId, r => r.ToPath());
    }
}
