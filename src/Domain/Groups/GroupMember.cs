using MediaVault.Domain.Users;

namespace MediaVault.Domain.Groups;

/// <summary>
/// One person's membership of one group, in a role. Lives inside the <see cref="Group"/> aggregate: who may add,
/// change or remove a member, and "one membership per person", are the group's rules. Created only by the group.
/// </summary>
public sealed class GroupMember
{
    private GroupMember()
    {
    }

    public GroupId GroupId { get; private set; }

    public UserId UserId { get; private set; }

    public GroupRole Role { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    internal static GroupMember Create(GroupId groupId, UserId userId, GroupRole role, DateTimeOffset now) =>
        new() { GroupId = groupId, UserId = userId, Role = role, AddedAt = now };

    internal void ChangeRole(GroupRole role) => Role = role;
}
