using Ardalis.Specification;
using MediaVault.Domain.Activity;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Collections;

namespace MediaVault.Application.Collections.Specifications;

/// <summary>
/// One collection with every grant that has not been revoked (who may do what to it), and the entries of
/// the assets named only (the assets a use case adds or removes; the contents are read by queries).
/// </summary>
public sealed class CollectionWithGrantsSpec : SingleResultSpecification<Collection>
{
    public CollectionWithGrantsSpec(CollectionId id, bool forUpdate, IReadOnlyCollection<AssetId>? entriesOf = null)
    {
        Query.Where(c => c.Id == id)
            .Include(c => c.Grants.Where(g => g.RevokedAt == null));
        if (entriesOf is not null)
        {
            var assets = entriesOf.ToList();
            Query.Include(c => c.Entries.Where(e => assets.Contains(e.AssetId)));
        }

        if (!forUpdate)
        {
            Query.AsNoTracking();
        }
    }
}

/// <summary>The collections with these ids, each with its grants not revoked, read only (a page of a list).</summary>
public sealed class CollectionsWithGrantsSpec : Specification<Collection>
{
    public CollectionsWithGrantsSpec(IReadOnlyCollection<CollectionId> ids)
    {
        var list = ids.ToList();
        Query.Where(c => list.Contains(c.Id))
            .Include(c => c.Grants.Where(g => g.RevokedAt == null))
            .AsNoTracking();
    }
}

/// <summary>The assets with these ids, each with its grants not revoked, read only: what adding them to a collection weighs.</summary>
public sealed class AssetsWithGrantsSpec : Specification<Asset>
{
    public AssetsWithGrantsSpec(IReadOnlyCollection<AssetId> ids)
    {
        var list = ids.ToList();
        Query.Where(a => list.Contains(a.Id))
            .Include(a => a.Grants.Where(g => g.RevokedAt == null))
            .AsNoTracking();
    }
}

/// <summary>One keyset page of a collection's activity, newest first (at desc, id desc), one entry more than the limit.</summary>
public sealed class CollectionActivityPageSpec : Specification<ActivityEntry>
{
    public CollectionActivityPageSpec(CollectionId collectionId, DateTimeOffset? afterAt, ActivityEntryId? afterId, int limit)
    {
        Query.Where(e => e.CollectionId == collectionId);
        if (afterAt is { } at && afterId is { } id)
        {
            Query.Where(e => e.At < at || (e.At == at && e.Id < id));
        }

        Query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(limit + 1)
            .AsNoTracking();
    }
}
