using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Common;
using MediaVault.Domain.Groups;

namespace MediaVault.Application.Groups.ListGroupMembers;

public sealed record ListGroupMembersQuery(Guid GroupId, int? Limit = null, string? Cursor = null);

/// <summary>Every member sees who else is in the group, latest added first.</summary>
public sealed class ListGroupMembersHandler(IGroupQueries queries, ICurrentUser currentUser, ICursorSigner cursors)
{
    /// <summary>The name this list's cursors are signed with: a cursor of another list is not accepted here.</summary>
    public const string CursorList = "group-members";

    public async Task<Result<Page<GroupMemberDto>>> HandleAsync(ListGroupMembersQuery query, CancellationToken cancellationToken)
    {
        var groupId = new GroupId(query.GroupId);
        if (await queries.FindForMemberAsync(groupId, currentUser.RequireId(), cancellationToken) is null)
        {
            return Result<Page<GroupMemberDto>>.NotFound();
        }

        // The cursor is signed for this group's list only: one taken from another group's members is refused.
        var list = $"{CursorList}:{query.GroupId}";
        var validation = new Validation().Paging(query.Limit, query.Cursor, cursors, list, out var cursor);
        if (!validation.IsValid)
        {
            return validation.ToResult<Page<GroupMemberDto>>();
        }

        var limit = query.Limit ?? Paging.DefaultLimit;
        var rows = await queries.ListMembersAsync(groupId, cursor, limit, cancellationToken);
        var items = rows.Take(limit).ToList();
        var next = rows.Count > limit ? new KeysetCursor(items[^1].AddedAt, items[^1].UserId).Encode(cursors, list) : null;
        return Result.Success(new Page<GroupMemberDto>(items, next));
    }
}
