using MediaVault.Domain.Groups;
using MediaVault.Domain.Groups.Events;
using MediaVault.Domain.Groups.Rules;
using MediaVault.Domain.Tests.TestSupport;
using MediaVault.Domain.Users;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;

namespace MediaVault.Domain.Tests.Groups;

public sealed class ChangeGroupMemberRoleTests
{
    [TestCase(GroupRole.Owner)]
    [TestCase(GroupRole.Admin)]
    public void ChangeMemberRole_WhenOwnerOrAdminPromotesAMember_MakesThemAdminAndRaisesGroupMemberRoleChanged(GroupRole actorRole)
    {
        var given = GivenGroups.AGroupWithAdminAndMember();

        given.Group.ChangeMemberRole(given.Actor(actorRole), given.Member, GroupRole.Admin, Given.Now);

        given.Group.RoleOf(given.Member).ShouldBe(GroupRole.Admin);
        AssertRaised<GroupMemberRoleChanged>(given.Group).Role.ShouldBe(GroupRole.Admin);
    }

    [Test]
    public void ChangeMemberRole_WhenRoleIsUnchanged_RaisesNothing()
    {
        var given = GivenGroups.AGroupWithAdminAndMember();

        given.Group.ChangeMemberRole(given.Owner, given.Admin, GroupRole.Admin, Given.Now);

        AssertNothingRaised(given.Group);
    }

    [TestCase(GroupRole.Owner)]
    [TestCase(GroupRole.Admin)]
    public void ChangeMemberRole_WhenTargetIsTheOwner_BreaksOwnerMembershipCannotChangeRule(GroupRole actorRole)
    {
        var given = GivenGroups.AGroupWithAdminAndMember();

        AssertBrokenRule<OwnerMembershipCannotChange>(() => given.Group.ChangeMemberRole(given.Actor(actorRole), given.Owner, GroupRole.Admin, Given.Now));
    }

    [Test]
    public void ChangeMemberRole_WhenActorIsAPlainMember_BreaksOnlyOwnerOrAdminManagesGroupRule()
    {
        var given = GivenGroups.AGroupWithAdminAndMember();

        AssertBrokenRule<OnlyOwnerOrAdminManagesGroup>(() => given.Group.ChangeMemberRole(given.Member, given.Member, GroupRole.Admin, Given.Now));
    }

    [Test]
    public void ChangeMemberRole_WhenActorIsNotAMember_BreaksOnlyMembersSeeGroupRule()
    {
        var given = GivenGroups.AGroupWithAdminAndMember();

        AssertBrokenRule<OnlyMembersSeeGroup>(() => given.Group.ChangeMemberRole(given.Stranger, given.Member, GroupRole.Admin, Given.Now));
    }

    [Test]
    public void ChangeMemberRole_WhenTargetIsNotAMember_BreaksMemberMustBelongToGroupRule()
    {
        var given = GivenGroups.AGroupWithAdminAndMember();

        AssertBrokenRule<MemberMustBelongToGroup>(() => given.Group.ChangeMemberRole(given.Owner, UserId.New(), GroupRole.Admin, Given.Now));
    }

    [Test]
    public void ChangeMemberRole_WhenRoleIsOwner_BreaksGroupRoleMustBeAssignableRule()
    {
        var given = GivenGroups.AGroupWithAdminAndMember();

        AssertBrokenRule<GroupRoleMustBeAssignable>(() => given.Group.ChangeMemberRole(given.Owner, given.Member, GroupRole.Owner, Given.Now));
    }
}
