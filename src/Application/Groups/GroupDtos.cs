using MediaVault.Application.Abstractions;
using MediaVault.Domain.Groups;

namespace MediaVault.Application.Groups;

/// <summary>A group as one of its members sees it: <see cref="MyRole"/> is that member's role.</summary>
public sealed record GroupDto(
    Guid Id,
    string Name,
    string? Description,
    Guid OwnerId,
    int MemberCount,
    GroupRole MyRole,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static GroupDto From(Group group, Domain.Users.UserId viewer)
    {
        ArgumentNullException.ThrowIfNull(group);
        return new GroupDto(
            group.Id.Value,
            group.Name,
            group.Description,
            group.OwnerId.Value,
            group.Members.Count,
            group.RoleOf(viewer) ?? GroupRole.Member,
            group.CreatedAt,
            group.UpdatedAt);
    }
}

/// <summary>A member of a group. <c>Email</c> and <c>DisplayName</c> are <c>null</c> if the account is gone.</summary>
public sealed record GroupMemberDto(Guid UserId, string? Email, string? DisplayName, GroupRole Role, DateTimeOffset AddedAt)
{
    public static GroupMemberDto From(GroupMember member, DirectoryUser? person)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new GroupMemberDto(member.UserId.Value, person?.Email, person?.DisplayName, member.Role, member.AddedAt);
    }
}

/// <summary>The role names a request may give a member: <c>member</c> or <c>admin</c> (ownership is never given).</summary>
public static class GroupRoles
{
    public const string Allowed = "member, admin";

    public static bool TryParse(string? value, out GroupRole role)
    {
        (var ok, role) = value switch
        {
            "member" => (true, GroupRole.Member),
            "admin" => (true, GroupRole.Admin),
            _ => (false, GroupRole.Member),
        };
        return ok;
    }
}
