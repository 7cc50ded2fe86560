using MediaVault.Domain.Groups;
using MediaVault.Domain.Users;

namespace MediaVault.Domain.Tests.TestSupport;

/// <summary>A group with one person in each role, and someone outside it.</summary>
internal sealed class GivenGroups
{
    private GivenGroups(Group group, UserId owner, UserId admin, UserId member)
    {
        Group = group;
        Owner = owner;
        Admin = admin;
        Member = member;
    }

    public Group Group { get; }

    public UserId Owner { get; }

    public UserId Admin { get; }

    public UserId Member { get; }

    public UserId Stranger { get; } = UserId.New();

    /// <summary>The person playing <paramref name="role"/>; <c>null</c> is the stranger.</summary>
    public UserId Actor(GroupRole? role) => role switch
    {
        GroupRole.Owner => Owner,
        GroupRole.Admin => Admin,
        GroupRole.Member => Member,
        _ => Stranger,
    };

    /// <summary>A group founded by its owner, with an admin and a member added, and no events left to see.</summary>
    public static GivenGroups AGroupWithAdminAndMember()
    {
        var owner = UserId.New();
        var group = Group.Create("Family", "Our photos", owner, Given.Now.AddDays(-1));
        var admin = UserId.New();
        var member = UserId.New();
        group.AddMember(owner, admin, GroupRole.Admin, Given.Now.AddHours(-2));
        group.AddMember(owner, member, GroupRole.Member, Given.Now.AddHours(-1));
        group.ClearDomainEvents();
        return new GivenGroups(group, owner, admin, member);
    }
}
