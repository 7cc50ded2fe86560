using MediaVault.Domain.Common;
using MediaVault.Domain.Groups.Events;
using MediaVault.Domain.Groups.Rules;
using MediaVault.Domain.Users;

namespace MediaVault.Domain.Groups;

/// <summary>
/// People who are given access together. Its creator owns it and is its first member (role owner); the owner and
/// admins manage the members; every member sees the group and who is in it; to anyone else it does not exist.
/// Every behaviour decides from the group's own members and the acting person.
/// </summary>
public sealed class Group : AggregateRoot<GroupId>
{
    private readonly List<GroupMember> _members = [];

    private Group()
    {
    }

    public string Name { get; private set; } = string.Empty;

    public string? Description { get; private set; }

    public UserId OwnerId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Every member, the owner included.</summary>
    public IReadOnlyCollection<GroupMember> Members => _members.AsReadOnly();

    /// <summary>Founds a group: the creator is its owner and its first member, with role owner.</summary>
    public static Group Create(string name, string? description, UserId creator, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var group = new Group
        {
            Id = GroupId.New(),
            Name = name.Trim(),
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            OwnerId = creator,
            CreatedAt = now,
            UpdatedAt = now,
        };
        group._members.Add(GroupMember.Create(group.Id, creator, GroupRole.Owner, now));
        group.Raise(new GroupCreated(group.Id, creator, group.Name, now));
        return group;
    }

    /// <summary>The role of <paramref name="person"/> in this group, or <c>null</c> when it is not a member.</summary>
    public GroupRole? RoleOf(UserId person) => _members.FirstOrDefault(m => m.UserId == person)?.Role;

    /// <summary>
    /// Checks that <paramref name="actor"/> sees the group and may manage it (owner or admin), without changing
    /// anything: what a request with bad input is told first, so that only those who could act learn of their mistake.
    /// </summary>
    public void EnsureManageableBy(UserId actor)
    {
        var actorRole = RoleOf(actor);
        CheckRule(new OnlyMembersSeeGroup(actorRole));
        CheckRule(new OnlyOwnerOrAdminManagesGroup(actorRole));
    }

    /// <summary>Renames or describes the group; a <c>null</c> argument leaves that detail as it is, a blank description removes it.</summary>
    public void Describe(UserId actor, string? name, string? description, DateTimeOffset now)
    {
        EnsureManageableBy(actor);
        var changed = new List<string>();
        if (!string.IsNullOrWhiteSpace(name) && name.Trim() != Name)
        {
            Name = name.Trim();
            changed.Add("name");
        }

        if (description is not null)
        {
            var newDescription = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
            if (newDescription != Description)
            {
                Description = newDescription;
                changed.Add("description");
            }
        }

        if (changed.Count > 0)
        {
            UpdatedAt = now;
            Raise(new GroupUpdated(Id, actor, changed, now));
        }
    }

    /// <summary>
    /// Adds a person as member or admin. <paramref name="person"/> is <c>null</c> when the directory found no verified,
    /// enabled account for the address given.
    /// </summary>
    public GroupMember AddMember(UserId actor, UserId? person, GroupRole role, DateTimeOffset now)
    {
        EnsureManageableBy(actor);
        CheckRule(new MemberMustBeAnActiveAccount(person is not null));
        CheckRule(new GroupRoleMustBeAssignable(role));
        var personId = person!.Value;
        CheckRule(new PersonIsMemberOnce(RoleOf(personId) is not null));
        var member = GroupMember.Create(Id, personId, role, now);
        _members.Add(member);
        UpdatedAt = now;
        Raise(new GroupMemberAdded(Id, actor, personId, role, now));
        return member;
    }

    /// <summary>Makes a member an admin or a plain member again; the owner's own membership never changes.</summary>
    public GroupMember ChangeMemberRole(UserId actor, UserId memberId, GroupRole role, DateTimeOffset now)
    {
        EnsureManageableBy(actor);
        var member = _members.FirstOrDefault(m => m.UserId == memberId);
        CheckRule(new MemberMustBelongToGroup(member is not null));
        CheckRule(new OwnerMembershipCannotChange(member!.Role));
        CheckRule(new GroupRoleMustBeAssignable(role));
        if (member.Role != role)
        {
            member.ChangeRole(role);
            UpdatedAt = now;
            Raise(new GroupMemberRoleChanged(Id, actor, memberId, role, now));
        }

        return member;
    }

    /// <summary>Removes a member: the owner or an admin removes anyone but the owner; any member may leave.</summary>
    public void RemoveMember(UserId actor, UserId memberId, DateTimeOffset now)
    {
        var actorRole = RoleOf(actor);
        CheckRule(new OnlyMembersSeeGroup(actorRole));
        var member = _members.FirstOrDefault(m => m.UserId == memberId);
        CheckRule(new MemberMustBelongToGroup(member is not null));
        CheckRule(new OnlyOwnerAdminOrSelfRemovesMember(actorRole, actor == memberId));
        CheckRule(new OwnerCannotBeRemoved(member!.Role));
        _members.Remove(member);
        UpdatedAt = now;
        Raise(new GroupMemberRemoved(Id, actor, memberId, now));
    }

    /// <summary>The owner deletes the group; the caller removes it with its members.</summary>
    public void Delete(UserId actor, DateTimeOffset now)
    {
        var actorRole = RoleOf(actor);
        CheckRule(new OnlyMembersSeeGroup(actorRole));
        CheckRule(new OnlyOwnerDeletesGroup(actorRole));
        Raise(new GroupDeleted(Id, actor, now));
    }
}
