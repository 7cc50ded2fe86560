using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Access;
using MediaVault.Application.Assets;
using MediaVault.Application.Assets.ListAssets;
using MediaVault.Application.Assets.Specifications;
using MediaVault.Application.Collections.Specifications;
using MediaVault.Application.Common;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Common;

namespace MediaVault.Application.Collections.ListCollectionAssets;

/// <summary>The raw query string of <c>GET /collections/{id}/assets</c>, with the filters of <c>GET /assets</c>.</summary>
public sealed record ListCollectionAssetsQuery(
    Guid CollectionId,
    string? Kind = null,
    string? Tag = null,
    string? Q = null,
    int? Limit = null,
    string? Cursor = null);

/// <summary>
/// The member assets of a collection the caller may see, each with the caller's access, in asset order (createdAt
/// desc, id desc), one keyset page at a time. The page is read from the collection's entries in that order (their
/// copy of the asset's createdAt), each joined to its asset and kept only if the access rule lets the caller see it:
/// an asset that does not inherit access shows only to those with another path to it.
/// </summary>
public sealed class ListCollectionAssetsHandler(
    IReadRepository<Collection> collections, IQueryRunner queries, ICurrentUser currentUser, TimeProvider clock, ICursorSigner cursors)
{
    /// <summary>The name this list's cursors are signed with: a cursor of another list is not accepted here.</summary>
    public const string CursorList = "collection-assets";

    public async Task<Result<Page<AssetDto>>> HandleAsync(ListCollectionAssetsQuery query, CancellationToken cancellationToken)
    {
        var caller = currentUser.RequireId();
        var now = clock.GetUtcNow();
        var collectionId = new CollectionId(query.CollectionId);
        var collection = await collections.FirstOrDefaultAsync(new CollectionWithGrantsSpec(collectionId, forUpdate: false), cancellationToken);
        if (collection is null)
        {
            return Result<Page<AssetDto>>.NotFound();
        }

        try
        {
            collection.EnsureVisibleTo(await queries.MembershipsAsync(caller, cancellationToken), now);
        }
        catch (BusinessRuleViolationException violation)
        {
            return CollectionRuleOutcomes.ToResult<Page<AssetDto>>(violation);
        }

        var validation = new Validation().Paging(query.Limit, query.Cursor, cursors, CursorList, out var cursor);
        MediaKind? kind = null;
        if (query.Kind is not null)
        {
            validation.When(!TryParseKind(query.Kind, out var parsed), "kind", "kind must be one of image, video, audio.");
            kind = parsed;
        }

        Tag? tag = null;
        validation.When(query.Tag is not null && !Tag.TryCreate(query.Tag, out tag), "tag", "tag is not a valid tag.");
        validation.When(query.Q is { Length: > ListAssetsHandler.MaxSearchLength }, "q", $"q is at most {ListAssetsHandler.MaxSearchLength} characters.").Text("q", query.Q);
        if (!validation.IsValid)
        {
            return validation.ToResult<Page<AssetDto>>();
        }

        var limit = query.Limit ?? Paging.DefaultLimit;
        var sources = AccessSources.From(queries);
        var entries = sources.Entries.Where(e => e.CollectionId == collectionId);
        if (cursor is { } c)
        {
            var (createdAt, id) = (c.CreatedAt, new AssetId(c.Id));
            entries = entries.Where(e => e.AssetCreatedAt < createdAt || (e.AssetCreatedAt == createdAt && e.AssetId < id));
        }

        var visible = VisibleAssetsPageQuery.Filter(sources.Assets.Where(EffectiveAccessQuery.VisibleTo(sources, caller, now)), kind, tag?.Value, query.Q);
        // The page's keys from the entries' index, then its assets by a semi-join (as EffectiveAccessQuery.VisiblePage does).
        var keys = entries
            .Join(visible, e => e.AssetId, a => a.Id, (e, a) => new { e.AssetCreatedAt, e.AssetId })
            .OrderByDescending(x => x.AssetCreatedAt).ThenByDescending(x => x.AssetId)
            .Take(limit + 1)
            .Select(x => x.AssetId);
        var page = sources.Assets.Where(a => keys.Contains(a.Id)).OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id);
        var rows = await queries.ListAsync(VisibleAssetsPageQuery.Project(sources, page, caller, now, limit + 1), cancellationToken);

        var items = rows.Take(limit).Select(r => r.ToDto(caller)).ToList();
        var next = rows.Count > limit ? new KeysetCursor(items[^1].CreatedAt, items[^1].Id).Encode(cursors, CursorList) : null;
        return Result.Success(new Page<AssetDto>(items, next));
    }

    // Kind names as the API spells them, in any letter case; numbers are not kinds.
    private static bool TryParseKind(string value, out MediaKind kind) =>
        Enum.TryParse(value, ignoreCase: true, out kind) && !value.Any(char.IsAsciiDigit) && Enum.IsDefined(kind);
}
