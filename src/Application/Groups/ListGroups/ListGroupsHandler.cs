using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Common;

namespace MediaVault.Application.Groups.ListGroups;

public sealed record ListGroupsQuery(int? Limit = null, string? Cursor = null);

/// <summary>The groups the caller owns or belongs to, newest first.</summary>
public sealed class ListGroupsHandler(IGroupQueries queries, ICurrentUser currentUser, ICursorSigner cursors)
{
    /// <summary>The name this list's cursors are signed with: a cursor of another list is not accepted here.</summary>
    public const string CursorList = "groups";

    public async Task<Result<Page<GroupDto>>> HandleAsync(ListGroupsQuery query, CancellationToken cancellationToken)
    {
        var caller = currentUser.RequireId();
        var validation = new Validation().Paging(query.Limit, query.Cursor, cursors, CursorList, out var cursor);
        if (!validation.IsValid)
        {
            return validation.ToResult<Page<GroupDto>>();
        }

        var limit = query.Limit ?? Paging.DefaultLimit;
        var rows = await queries.ListForMemberAsync(caller, cursor, limit, cancellationToken);
        var items = rows.Take(limit).ToList();
        var next = rows.Count > limit ? new KeysetCursor(items[^1].CreatedAt, items[^1].Id).Encode(cursors, CursorList) : null;
        return Result.Success(new Page<GroupDto>(items, next));
    }
}
