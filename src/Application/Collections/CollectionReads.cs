using MediaVault.Application.Abstractions;
using MediaVault.Application.Access;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Collections;

/// <summary>The reads every collection use case needs besides the aggregate: the caller's groups and what it sees inside.</summary>
public static class CollectionReads
{
    /// <summary>The caller and the groups it belongs to now (one statement): whom a collection's grants may cover.</summary>
    public static async Task<Memberships> MembershipsAsync(this IQueryRunner queries, UserId person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var groups = await queries.ListAsync(queries.Source<GroupMember>().Where(m => m.UserId == person).Select(m => m.GroupId), cancellationToken);
        return new Memberships(person, groups.ToHashSet());
    }

    /// <summary>
    /// How many member assets of each collection <paramref name="person"/> can see (one statement, the access rule of
    /// <see cref="EffectiveAccessQuery.VisibleTo"/> applied in it); a collection with none is left out.
    /// </summary>
    public static async Task<IReadOnlyDictionary<CollectionId, int>> VisibleAssetCountsAsync(
        this IQueryRunner queries, IReadOnlyCollection<CollectionId> collections, UserId person, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(collections);
        if (collections.Count == 0)
        {
            return new Dictionary<CollectionId, int>();
        }

        var sources = AccessSources.From(queries);
        var ids = collections.Distinct().ToList();
        var rows = await queries.ListAsync(
            sources.Entries.Where(e => ids.Contains(e.CollectionId))
                .Join(sources.Assets.Where(EffectiveAccessQuery.VisibleTo(sources, person, now)), e => e.AssetId, a => a.Id, (e, a) => e.CollectionId)
                .GroupBy(c => c)
                .Select(g => new { CollectionId = g.Key, Count = g.Count() }),
            cancellationToken);
        return rows.ToDictionary(r => r.CollectionId, r => r.Count);
    }
}
