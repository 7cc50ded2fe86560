using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Access;
using MediaVault.Application.Collections.Specifications;
using MediaVault.Application.Common;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Collections.ListCollections;

/// <summary>The raw query string of <c>GET /collections</c>; <c>Scope</c> is all (default), owned or shared.</summary>
public sealed record ListCollectionsQuery(string? Scope = null, int? Limit = null, string? Cursor = null);

/// <summary>
/// The collections the caller may see, newest first (createdAt desc, id desc), one keyset page at a time: those it
/// owns (scope owned), those someone else owns and it holds an active grant on, itself or through one of its groups
/// (scope shared), or both (all).
/// </summary>
public sealed class ListCollectionsHandler(IQueryRunner queries, IReadRepository<Collection> collections, ICurrentUser currentUser, TimeProvider clock, ICursorSigner cursors)
{
    /// <summary>The name this list's cursors are signed with: a cursor of another list is not accepted here.</summary>
    public const string CursorList = "collections";

    public async Task<Result<Page<CollectionDto>>> HandleAsync(ListCollectionsQuery query, CancellationToken cancellationToken)
    {
        var validation = new Validation().Paging(query.Limit, query.Cursor, cursors, CursorList, out var cursor);
        var (owned, shared) = query.Scope?.ToUpperInvariant() switch
        {
            null or "ALL" => (true, true),
            "OWNED" => (true, false),
            "SHARED" => (false, true),
            _ => (false, false),
        };
        validation.When(!owned && !shared, "scope", "scope must be one of all, owned, shared.");
        if (!validation.IsValid)
        {
            return validation.ToResult<Page<CollectionDto>>();
        }

        var caller = currentUser.RequireId();
        var now = clock.GetUtcNow();
        var limit = query.Limit ?? Paging.DefaultLimit;
        var page = await queries.ListAsync(
            PageOf(AccessSources.From(queries), caller, now, owned, shared, cursor is { } c ? (c.CreatedAt, new CollectionId(c.Id)) : null, limit + 1)
                .Select(x => x.Id),
            cancellationToken);

        var loaded = (await collections.ListAsync(new CollectionsWithGrantsSpec(page), cancellationToken)).ToDictionary(x => x.Id);
        var actor = await queries.MembershipsAsync(caller, cancellationToken);
        var shown = page.Take(limit).Where(loaded.ContainsKey).Select(id => loaded[id]).ToList();
        var counts = await queries.VisibleAssetCountsAsync([.. shown.Select(x => x.Id)], caller, now, cancellationToken);
        var items = shown
            .Select(x => (Collection: x, Access: x.AccessOf(actor, now)))
            .Where(x => x.Access.CanView)
            .Select(x => CollectionDto.From(x.Collection, x.Access, counts.GetValueOrDefault(x.Collection.Id)))
            .ToList();
        var next = page.Count > limit && shown.Count > 0
            ? new KeysetCursor(shown[^1].CreatedAt, shown[^1].Id.Value).Encode(cursors, CursorList)
            : null;
        return Result.Success(new Page<CollectionDto>(items, next));
    }

    /// <summary>
    /// One keyset page of the collections <paramref name="person"/> sees, as one statement: the owned arm (the owner's
    /// index) and the shared arm (the collections of the person's active grants, and of its groups'), each cut to
    /// <paramref name="take"/> rows, merged and cut again.
    /// </summary>
    private static IQueryable<Collection> PageOf(
        AccessSources s, UserId person, DateTimeOffset now, bool owned, bool shared, (DateTimeOffset CreatedAt, CollectionId Id)? after, int take)
    {
        var arms = new List<IQueryable<Collection>>();
        if (owned)
        {
            arms.Add(Newest(After(s.Collections.Where(c => c.OwnerId == person), after)).Take(take));
        }

        if (shared)
        {
            var granted = EffectiveAccessQuery.ActiveCollectionGrantsOf(s, person, now).Select(g => g.CollectionId);
            arms.Add(Newest(After(s.Collections.Where(c => c.OwnerId != person && granted.Contains(c.Id)), after)).Take(take));
        }

        var merged = arms[0];
        foreach (var arm in arms.Skip(1))
        {
            merged = merged.Union(arm);
        }

        return Newest(merged).Take(take);
    }

    private static IQueryable<Collection> After(IQueryable<Collection> collections, (DateTimeOffset CreatedAt, CollectionId Id)? after) =>
        after is var (createdAt, id)
            ? collections.Where(c => c.CreatedAt < createdAt || (c.CreatedAt == createdAt && c.Id < id))
            : collections;

    private static IQueryable<Collection> Newest(IQueryable<Collection> collections) =>
        collections.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id);
}
