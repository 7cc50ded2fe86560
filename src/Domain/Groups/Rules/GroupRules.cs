using MediaVault.Domain.Common;

namespace MediaVault.Domain.Groups.Rules;

/// <summary>Only a member knows that a group exists: to anyone else it is not found.</summary>
public sealed class OnlyMembersSeeGroup(GroupRole? actorRole) : IBusinessRule
{
    public bool IsBroken() => actorRole is null;

    public string Message => "The group does not exist.";
}

/// <summary>The owner and admins rename a group, describe it and manage its members; a plain member does not.</summary>
public sealed class OnlyOwnerOrAdminManagesGroup(GroupRole? actorRole) : IBusinessRule
{
    public bool IsBroken() => actorRole is not (GroupRole.Owner or GroupRole.Admin);

    public string Message => "Only the group's owner or an admin manages the group.";
}

/// <summary>Only the owner deletes a group.</summary>
public sealed class OnlyOwnerDeletesGroup(GroupRole? actorRole) : IBusinessRule
{
    public bool IsBroken() => actorRole != GroupRole.Owner;

    public string Message => "Only the group's owner deletes the group.";
}

/// <summary>
/// Only a verified, enabled account can be added. The directory tells an unknown, unverified or disabled account
/// apart from none of the others, and neither does this rule.
/// </summary>
public sealed class MemberMustBeAnActiveAccount(bool isActiveAccount) : IBusinessRule
{
    public bool IsBroken() => !isActiveAccount;

    public string Message => "This address is not the address of a verified, enabled account.";
}

/// <summary>A person is a member of a group once; change the role of a member instead of adding it again.</summary>
public sealed class PersonIsMemberOnce(bool alreadyMember) : IBusinessRule
{
    public bool IsBroken() => alreadyMember;

    public string Message => "This person is already a member of the group.";
}

/// <summary>A group has exactly one owner, its creator: ownership is never given to a member.</summary>
public sealed class GroupRoleMustBeAssignable(GroupRole role) : IBusinessRule
{
    public bool IsBroken() => role is not (GroupRole.Member or GroupRole.Admin);

    public string Message => "A member is given the role member or admin; ownership is not given.";
}

/// <summary>Only a member of the group can be changed or removed.</summary>
public sealed class MemberMustBelongToGroup(bool isMember) : IBusinessRule
{
    public bool IsBroken() => !isMember;

    public string Message => "This person is not a member of the group.";
}

/// <summary>The owner's own membership never changes: the owner stays the owner.</summary>
public sealed class OwnerMembershipCannotChange(GroupRole memberRole) : IBusinessRule
{
    public bool IsBroken() => memberRole == GroupRole.Owner;

    public string Message => "The owner's membership cannot change.";
}

/// <summary>The owner cannot be removed from its group, not even by itself: it deletes the group instead.</summary>
public sealed class OwnerCannotBeRemoved(GroupRole memberRole) : IBusinessRule
{
    public bool IsBroken() => memberRole == GroupRole.Owner;

    public string Message => "The owner cannot be removed from the group; delete the group instead.";
}

/// <summary>A member is removed by the owner or an admin, or leaves by removing itself.</summary>
public sealed class OnlyOwnerAdminOrSelfRemovesMember(GroupRole? actorRole, bool removesItself) : IBusinessRule
{
    public bool IsBroken() => !removesItself && actorRole is not (GroupRole.Owner or GroupRole.Admin);

    public string Message => "A member is removed by the group's owner or an admin, or leaves itself.";
}
