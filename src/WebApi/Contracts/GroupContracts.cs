using System.ComponentModel.DataAnnotations;

namespace MediaVault.WebApi.Contracts;

/// <summary>A member's place in a group: <c>owner</c> (its creator, exactly one), <c>admin</c> or <c>member</c>.</summary>
public enum GroupRole
{
    Owner,
    Admin,
    Member,
}

/// <summary>Found a group: <c>name</c> 1–100 characters on one line; <c>description</c> optional, up to 4,000 characters.</summary>
public sealed record CreateGroupRequest([property: Required] string? Name, string? Description);

/// <summary>Rename or describe a group. A field left out (or null) stays as it is; an empty description removes it.</summary>
public sealed record UpdateGroupRequest(string? Name, string? Description);

/// <summary>
/// A group as the caller, one of its members, sees it. <c>memberCount</c> counts every member, the owner included;
/// <c>myRole</c> is the caller's role in it.
/// </summary>
public sealed record GroupResponse(
    Guid Id,
    string Name,
    string? Description,
    Guid OwnerId,
    int MemberCount,
    GroupRole MyRole,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>Add a person, named by the e-mail of a verified, enabled account, as <c>member</c> (the default) or <c>admin</c>.</summary>
public sealed record AddGroupMemberRequest([property: Required] string? Email, [property: AllowedValues("member", "admin")] string? Role);

/// <summary>Make a member an <c>admin</c>, or an admin a plain <c>member</c>.</summary>
public sealed record ChangeGroupMemberRequest([property: Required, AllowedValues("member", "admin")] string? Role);

/// <summary>A member of a group. <c>email</c> and <c>displayName</c> are null if the account is gone.</summary>
public sealed record GroupMemberResponse(Guid UserId, string? Email, string? DisplayName, GroupRole Role, DateTimeOffset AddedAt);
