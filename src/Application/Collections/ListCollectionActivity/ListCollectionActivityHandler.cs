using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Activity.ListActivity;
using MediaVault.Application.Collections.Specifications;
using MediaVault.Application.Common;
using MediaVault.Domain.Activity;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Common;

namespace MediaVault.Application.Collections.ListCollectionActivity;

public sealed record ListCollectionActivityQuery(Guid CollectionId, int? Limit = null, string? Cursor = null);

/// <summary>A collection's activity, newest first, for its owner and managers, one keyset page at a time (the asset-activity shape).</summary>
public sealed class ListCollectionActivityHandler(
    IReadRepository<Collection> collections, IReadRepository<ActivityEntry> activity, IQueryRunner queries, ICurrentUser currentUser, TimeProvider clock, ICursorSigner cursors)
{
    /// <summary>The name this list's cursors are signed with: a cursor of another list is not accepted here.</summary>
    public const string CursorList = "collection-activity";

    public async Task<Result<Page<ActivityEntryDto>>> HandleAsync(ListCollectionActivityQuery query, CancellationToken cancellationToken)
    {
        var collectionId = new CollectionId(query.CollectionId);
        var collection = await collections.FirstOrDefaultAsync(new CollectionWithGrantsSpec(collectionId, forUpdate: false), cancellationToken);
        if (collection is null)
        {
            return Result<Page<ActivityEntryDto>>.NotFound();
        }

        try
        {
            collection.EnsureShareableBy(await queries.MembershipsAsync(currentUser.RequireId(), cancellationToken), clock.GetUtcNow());
        }
        catch (BusinessRuleViolationException violation)
        {
            return CollectionRuleOutcomes.ToResult<Page<ActivityEntryDto>>(violation);
        }

        var validation = new Validation().Paging(query.Limit, query.Cursor, cursors, CursorList, out var cursor);
        if (!validation.IsValid)
        {
            return validation.ToResult<Page<ActivityEntryDto>>();
        }

        var limit = query.Limit ?? Paging.DefaultLimit;
        var rows = await activity.ListAsync(
            new CollectionActivityPageSpec(collectionId, cursor?.CreatedAt, cursor is { } c ? new ActivityEntryId(c.Id) : null, limit), cancellationToken);
        var items = rows.Take(limit)
            .Select(e => new ActivityEntryDto(e.Id.Value, e.At, e.ActorId?.Value, e.Action, e.Details))
            .ToList();
        var next = rows.Count > limit ? new KeysetCursor(items[^1].At, items[^1].Id).Encode(cursors, CursorList) : null;
        return Result.Success(new Page<ActivityEntryDto>(items, next));
    }
}
