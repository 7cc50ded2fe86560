using System.Linq.Expressions;
using MediaVault.Application.Abstractions;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Sharing;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Access;

/// <summary>The stored rows the access rule reads, untracked, to compose queries over.</summary>
public sealed record AccessSources(
    IQueryable<Asset> Assets,
    IQueryable<ShareGrant> AssetGrants,
    IQueryable<GroupMember> Memberships,
    IQueryable<Group> Groups,
    IQueryable<Collection> Collections,
    IQueryable<CollectionEntry> Entries,
    IQueryable<CollectionGrant> CollectionGrants)
{
    public static AccessSources From(IQueryRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        return new(
            runner.Source<Asset>(),
            runner.Source<ShareGrant>(),
            runner.Source<GroupMember>(),
            runner.Source<Group>(),
            runner.Source<Collection>(),
            runner.Source<CollectionEntry>(),
            runner.Source<CollectionGrant>());
    }
}

/// <summary>One active path from the database, before <see cref="AccessPolicy.Decide"/> weighs it.</summary>
public sealed class AccessPathRow
{
    public AssetId AssetId { get; init; }

    public AccessPathKind Kind { get; init; }

    public AccessRole Role { get; init; }

    public bool AllowDownload { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public GrantId GrantId { get; init; }

    public GroupId? GroupId { get; init; }

    public string? GroupName { get; init; }

    public CollectionId? CollectionId { get; init; }

    public string? CollectionName { get; init; }

    public AccessPath ToPath() => new(
        Kind,
        Role,
        AllowDownload,
        ExpiresAt,
        GrantId,
        GroupId is { } g ? new PathVia(g.Value, GroupName ?? string.Empty) : null,
        CollectionId is { } c ? new PathVia(c.Value, CollectionName ?? string.Empty) : null);
}

/// <summary>
/// The access rule of <see cref="AccessPolicy"/> as SQL: the active paths from a person to assets (single reads, the
/// batch check, the explanation), the visibility predicate (collection contents), and the keyset arms of the lists.
/// "Active" is <see cref="Grant.IsActive{TGrant}"/>; "a grant covers the person" is <see cref="Covers{TGrant}"/>;
/// nothing here restates either.
/// </summary>
public static class EffectiveAccessQuery
{
    /// <summary>Grants to the person or to a group the person is a member of.</summary>
    public static Expression<Func<TGrant, bool>> Covers<TGrant>(IQueryable<GroupMember> memberships, UserId person)
        where TGrant : Grant =>
        g => g.GranteeId == person || memberships.Any(m => m.UserId == person && m.GroupId == g.GroupId);

    /// <summary>
    /// The active paths from <paramref name="person"/> to each of <paramref name="assetIds"/> (owner paths aside): grants
    /// on the assets (to the person or its groups), and grants on the collections that contain them. Two statements:
    /// EF Core cannot send the union of the two typed projections as one.
    /// </summary>
    public static (IQueryable<AccessPathRow> OnAssets, IQueryable<AccessPathRow> ThroughCollections) PathsOf(AccessSources s, UserId person, IReadOnlyCollection<AssetId> assetIds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(s);
        var ids = assetIds.ToList();
        var direct =
            from g in ActiveGrantsOf(s, person, now).Where(g => ids.Contains(g.AssetId))
            join gr in s.Groups on g.GroupId equals (GroupId?)gr.Id into named
            from gr in named.DefaultIfEmpty()
            select new AccessPathRow
            {
                AssetId = g.AssetId,
                Kind = g.GroupId == null ? AccessPathKind.Grant : AccessPathKind.GroupGrant,
                Role = g.Role,
                AllowDownload = g.AllowDownload,
                ExpiresAt = g.ExpiresAt,
                GrantId = g.Id,
                GroupId = g.GroupId,
                GroupName = gr == null ? null : gr.Name,
                CollectionId = null,
                CollectionName = null,
            };
        var inherited =
            from e in s.Entries.Where(e => ids.Contains(e.AssetId))
            join g in ActiveCollectionGrantsOf(s, person, now) on e.CollectionId equals g.CollectionId
            join c in s.Collections on g.CollectionId equals c.Id
            join gr in s.Groups on g.GroupId equals (GroupId?)gr.Id into named
            from gr in named.DefaultIfEmpty()
            select new AccessPathRow
            {
                AssetId = e.AssetId,
                Kind = AccessPathKind.CollectionGrant,
                Role = g.Role,
                AllowDownload = g.AllowDownload,
                ExpiresAt = g.ExpiresAt,
                GrantId = g.Id,
                GroupId = g.GroupId,
                GroupName = gr == null ? null : gr.Name,
                CollectionId = c.Id,
                CollectionName = c.Name,
            };
        return (direct, inherited);
    }

    /// <summary>
    /// The whole rule as one predicate over an asset: what <see cref="AccessPolicy.Decide"/> answers "can view" to. For
    /// queries driven by another index (a collection's contents); the lists use <see cref="VisiblePage"/>.
    /// </summary>
    public static Expression<Func<Asset, bool>> VisibleTo(AccessSources s, UserId person, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(s);
        var grants = ActiveGrantsOf(s, person, now);
        var collections = ActiveCollectionGrantsOf(s, person, now).Select(g => g.CollectionId);
        // AccessPolicy.OwnedBy and ShareableState, spelled out: EF cannot inline one expression inside another.
        return a => (a.OwnerId == person && a.DeletedAt == null)
            || (a.Status == AssetStatus.Ready
                && a.Integrity != Domain.Assets.Media.AssetIntegrity.Mismatch
                && a.DeletedAt == null
                && (grants.Any(g => g.AssetId == a.Id)
                    || (a.InheritsAccess && s.Entries.Any(e => e.AssetId == a.Id && collections.Contains(e.CollectionId)))));
    }

    /// <summary>
    /// One keyset page of what <paramref name="person"/> sees, each source its own arm read from its own index in the
    /// asset's keyset order and cut to <paramref name="take"/> rows: the person's own assets, grants to the person,
    /// grants to the person's groups, and the contents of the collections the person or its groups hold an active grant
    /// on. Each arm re-checks the asset (ready, not in doubt, inheriting for the collection arm) and the caller's
    /// filters before the cut; the arms are merged without duplicates and cut again. The work grows with
    /// <c>take × arms</c> (and the person's collections), not with the number of assets or grants stored.
    /// </summary>
    public static IQueryable<Asset> VisiblePage(
        AccessSources s,
        UserId person,
        DateTimeOffset now,
        bool owned,
        bool shared,
        Func<IQueryable<Asset>, IQueryable<Asset>> filter,
        (DateTimeOffset CreatedAt, AssetId Id)? after,
        int take,
        CallerReach? reach = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(filter);
        var others = filter(s.Assets.Where(a => a.OwnerId != person).Where(AccessPolicy.ShareableState()));
        var arms = new List<IQueryable<AssetKey>>();
        if (owned)
        {
            var mine = filter(s.Assets.Where(AccessPolicy.OwnedBy(person)));
            if (after is var (createdAt, id))
            {
                mine = mine.Where(a => a.CreatedAt < createdAt || (a.CreatedAt == createdAt && a.Id < id));
            }

            arms.Add(Newest(mine).Take(take).Select(a => new AssetKey { CreatedAt = a.CreatedAt, Id = a.Id }));
        }

        if (shared)
        {
            // The person's principals first, each from its own index and without an OR (which would leave the
            // planner no index to start from): the groups, then the collections granted to the person or a group.
            var groupIds = s.Memberships.Where(m => m.UserId == person).Select(m => m.GroupId);
            var activeCollectionGrants = s.CollectionGrants.Where(Grant.IsActive<CollectionGrant>(now));
            var collectionIds = activeCollectionGrants.Where(g => g.GranteeId == person).Select(g => g.CollectionId)
                .Union(activeCollectionGrants.Where(g => g.GroupId != null && groupIds.Contains(g.GroupId!.Value)).Select(g => g.CollectionId));

            var grantsAfter = After(s.AssetGrants.Where(Grant.IsActive<ShareGrant>(now)), after);
            var entriesAfter = AfterEntry(s.Entries, after);
            var inheriting = others.Where(a => a.InheritsAccess);
            var personal = grantsAfter.Where(g => g.GranteeId == person);
            arms.Add(personal.Join(others, g => g.AssetId, a => a.Id, (g, a) => new AssetKey { CreatedAt = g.AssetCreatedAt, Id = g.AssetId })
                .OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.Id).Take(take));

            // Groups and collections are read through their keyset indexes (GroupId / CollectionId IN the person's),
            // sorted together and cut. Distinct before the cut: two of the person's groups may hold grants on one
            // asset, or one asset sit in two of their collections, and a repeated row must not take the place of the
            // next asset (the page would miss it and the cursor skip it). EF Core sends a per-principal cut (LATERAL)
            // as a window over the whole table, so these arms read every row of the person's groups and collections
            // newer than the cursor: see docs/performance.md for what that costs at a million assets. PostgreSQL sends
            // its own form of this page instead (IVisiblePageSource, ADR-076); this one is SQLite's.
            // An arm the caller's reach says cannot find anything (no group; no group and no collection grant) is left out.
            if (reach is not { InAnyGroup: false })
            {
                arms.Add(grantsAfter.Where(g => g.GroupId != null && groupIds.Contains(g.GroupId!.Value))
                    .Join(others, g => g.AssetId, a => a.Id, (g, a) => new AssetKey { CreatedAt = g.AssetCreatedAt, Id = g.AssetId })
                    .Distinct().OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.Id).Take(take));
            }

            if (reach is not { ReachesBeyondOwnGrants: false })
            {
                arms.Add(entriesAfter.Where(e => collectionIds.Contains(e.CollectionId))
                    .Join(inheriting, e => e.AssetId, a => a.Id, (e, a) => new AssetKey { CreatedAt = e.AssetCreatedAt, Id = e.AssetId })
                    .Distinct().OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.Id).Take(take));
            }
        }

        var merged = arms[0];
        foreach (var arm in arms.Skip(1))
        {
            merged = merged.Union(arm);
        }

        var page = merged.OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id).Take(take).Select(k => k.Id);
        return Newest(s.Assets.Where(a => page.Contains(a.Id)));
    }

    private static IQueryable<ShareGrant> After(IQueryable<ShareGrant> grants, (DateTimeOffset CreatedAt, AssetId Id)? after) =>
        after is var (createdAt, id)
            ? grants.Where(g => g.AssetCreatedAt < createdAt || (g.AssetCreatedAt == createdAt && g.AssetId < id))
            : grants;

    private static IQueryable<CollectionEntry> AfterEntry(IQueryable<CollectionEntry> entries, (DateTimeOffset CreatedAt, AssetId Id)? after) =>
        after is var (createdAt, id)
            ? entries.Where(e => e.AssetCreatedAt < createdAt || (e.AssetCreatedAt == createdAt && e.AssetId < id))
            : entries;

    /// <summary>The caller's active grants on assets (to the person or its groups): the rows a page's summary reads.</summary>
    public static IQueryable<ShareGrant> ActiveGrantsOf(AccessSources s, UserId person, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.AssetGrants.Where(Grant.IsActive<ShareGrant>(now)).Where(Covers<ShareGrant>(s.Memberships, person));
    }

    /// <summary>The caller's active grants on collections (to the person or its groups).</summary>
    public static IQueryable<CollectionGrant> ActiveCollectionGrantsOf(AccessSources s, UserId person, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.CollectionGrants.Where(Grant.IsActive<CollectionGrant>(now)).Where(Covers<CollectionGrant>(s.Memberships, person));
    }

    private static IQueryable<Asset> Newest(IQueryable<Asset> assets) =>
        assets.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id);
}

/// <summary>An asset's place in keyset order: what the list arms read from their indexes before the page is joined to the assets.</summary>
public sealed class AssetKey
{
    public DateTimeOffset CreatedAt { get; init; }

    public AssetId Id { get; init; }
}

/// <summary>Turns a row's summary back into the paths <see cref="AccessPolicy.Decide"/> weighs: the strongest of each kind.</summary>
public static class AccessSummary
{
    public static IReadOnlyList<AccessPath> Paths(int? grantRank, bool grantAllowsDownload, int? inheritedRank, bool inheritedAllowsDownload)
    {
        var paths = new List<AccessPath>(2);
        if (grantRank is { } g)
        {
            paths.Add(new AccessPath(AccessPathKind.Grant, (AccessRole)g, grantAllowsDownload));
        }

        if (inheritedRank is { } i)
        {
            paths.Add(new AccessPath(AccessPathKind.CollectionGrant, (AccessRole)i, inheritedAllowsDownload));
        }

        return paths;
    }
}
