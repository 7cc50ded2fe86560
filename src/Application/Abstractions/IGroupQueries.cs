using MediaVault.Application.Common;
using MediaVault.Application.Groups;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Abstractions;

/// <summary>
/// Reads groups as their members see them, with the access rule in the query: a group is found only for one of its
/// members. Each list reads one row more than <c>limit</c> so the caller can tell whether another page follows.
/// </summary>
public interface IGroupQueries
{
    /// <summary>The group as <paramref name="member"/> sees it, or <c>null</c> when it does not exist or they are not a member.</summary>
    Task<GroupDto?> FindForMemberAsync(GroupId id, UserId member, CancellationToken cancellationToken);

    /// <summary>The groups <paramref name="member"/> belongs to (owned ones included), newest first (createdAt desc, id desc).</summary>
    Task<IReadOnlyList<GroupDto>> ListForMemberAsync(UserId member, KeysetCursor? after, int limit, CancellationToken cancellationToken);

    /// <summary>The group's name when <paramref name="member"/> is one of its members; <c>null</c> otherwise (or when there is no such group).</summary>
    Task<string?> NameIfMemberAsync(GroupId id, UserId member, CancellationToken cancellationToken);

    /// <summary>The groups <paramref name="person"/> is a member of (any role).</summary>
    Task<IReadOnlySet<GroupId>> GroupsOfAsync(UserId person, CancellationToken cancellationToken);

    /// <summary>The names of the groups that exist among <paramref name="ids"/>.</summary>
    Task<IReadOnlyDictionary<GroupId, string>> NamesAsync(IReadOnlyCollection<GroupId> ids, CancellationToken cancellationToken);

    /// <summary>The members of a group, latest added first (addedAt desc, user id desc).</summary>
    Task<IReadOnlyList<GroupMemberDto>> ListMembersAsync(GroupId id, KeysetCursor? after, int limit, CancellationToken cancellationToken);
}
