using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets;
using MediaVault.Application.Assets.Specifications;
using MediaVault.Application.Common;
using MediaVault.Application.Sharing.Specifications;
using MediaVault.Domain.Activity;
using MediaVault.Domain.Assets;

namespace MediaVault.Application.Activity.ListActivity;

public sealed record ListActivityQuery(Guid AssetId, int? Limit = null, string? Cursor = null);

/// <summary>One line of the log. <c>Details</c> is a JSON object (as text); <c>ActorId</c> is <c>null</c> for a link holder.</summary>
public sealed record ActivityEntryDto(Guid Id, DateTimeOffset At, Guid? ActorId, string Action, string Details);

/// <summary>An asset's activity, newest first, for its owner and managers, one keyset page at a time.</summary>
public sealed class ListActivityHandler(IAccessPaths accessPaths, 
    IReadRepository<Asset> assets, IReadRepository<ActivityEntry> activity, ICurrentUser currentUser, TimeProvider clock, ICursorSigner cursors)
{
    /// <summary>The name this list's cursors are signed with: a cursor of another list is not accepted here.</summary>
    public const string CursorList = "activity";

    public async Task<Result<Page<ActivityEntryDto>>> HandleAsync(ListActivityQuery query, CancellationToken cancellationToken)
    {
        var caller = currentUser.RequireId();
        var assetId = new AssetId(query.AssetId);
        if (await assets.FindVisibleAsync(new AssetForCallerSpec(assetId, caller), accessPaths, caller, clock.GetUtcNow(), cancellationToken) is not (var asset, var access))
        {
            return Result<Page<ActivityEntryDto>>.NotFound();
        }

        if (!access.CanShare)
        {
            return Result<Page<ActivityEntryDto>>.Forbidden("Only the owner or a manager reads the activity log.");
        }

        var validation = new Validation().Paging(query.Limit, query.Cursor, cursors, CursorList, out var cursor);
        if (!validation.IsValid)
        {
            return validation.ToResult<Page<ActivityEntryDto>>();
        }

        var limit = query.Limit ?? Paging.DefaultLimit;
        var rows = await activity.ListAsync(
            new ActivityPageSpec(assetId, cursor?.CreatedAt, cursor is { } c ? new ActivityEntryId(c.Id) : null, limit), cancellationToken);
        var items = rows.Take(limit)
            .Select(e => new ActivityEntryDto(e.Id.Value, e.At, e.ActorId?.Value, e.Action, e.Details))
            .ToList();
        var next = rows.Count > limit ? new KeysetCursor(items[^1].At, items[^1].Id).Encode(cursors, CursorList) : null;
        return Result.Success(new Page<ActivityEntryDto>(items, next));
    }
}
