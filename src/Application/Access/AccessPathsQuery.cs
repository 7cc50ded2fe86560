using MediaVault.Application.Abstractions;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Access;

/// <summary>
/// <see cref="IAccessPaths"/> over <see cref="IQueryRunner"/>: <see cref="EffectiveAccessQuery.PathsOf"/>, at most two
/// statements. For the caller of the request, a statement that its <see cref="CallerReach"/> says cannot find anything
/// (grants to groups when in no group, collection grants when in no group and holding none) is not sent.
/// </summary>
public sealed class AccessPathsQuery(IQueryRunner queries, ICurrentUser currentUser) : IAccessPaths
{
    public async Task<ILookup<AssetId, AccessPath>> ActivePathsAsync(
        UserId person, IReadOnlyCollection<AssetId> assets, bool includePersonalGrants, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assets);
        if (assets.Count == 0)
        {
            return Array.Empty<AccessPath>().ToLookup(_ => default(AssetId));
        }

        var reach = currentUser.Id == person ? currentUser.Reach : null;
        var readGrants = includePersonalGrants || reach is not { InAnyGroup: false };
        var readCollections = reach is not { ReachesBeyondOwnGrants: false };
        if (!readGrants && !readCollections)
        {
            // Nothing to send: not even the queries are built (their expression trees cost more than the rest of a read).
            return Array.Empty<AccessPath>().ToLookup(_ => default(AssetId));
        }

        var (onAssets, throughCollections) = EffectiveAccessQuery.PathsOf(AccessSources.From(queries), person, assets, now);
        var rows = readGrants ? await queries.ListAsync(onAssets, cancellationToken) : [];
        if (readCollections)
        {
            rows.AddRange(await queries.ListAsync(throughCollections, cancellationToken));
        }

        return rows
            .Where(r => includePersonalGrants || r.Kind != AccessPathKind.Grant)
            .ToLookup(r => r.AssetId, r => r.ToPath());
    }
}
