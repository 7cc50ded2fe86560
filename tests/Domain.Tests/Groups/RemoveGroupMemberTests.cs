using MediaVault.Domain.Groups;
using MediaVault.Domain.Groups.Events;
using MediaVault.Domain.Groups.Rules;
using MediaVault.Domain.Tests.TestSupport;
using MediaVault.Domain.Users;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;

namespace MediaVault.Domain.Tests.Groups;

public sealed class RemoveGroupMemberTests
{
    [TestCase(GroupRole.Owner)]
    [TestCase(GroupRole.Admin)]
    public void RemoveMember_WhenOwnerOrAdminRemovesAMember_EndsTheMembershipAndRaisesGroupMemberRemoved(GroupRole actorRole)
    {
        var given = GivenGroups.AGroupWithAdminAndMember();

        given.Group.RemoveMember(given.Actor(actorRole), given.Member, Given.Now);

        given.Group.RoleOf(given.Member).ShouldBeNull();
        given.Group.Members.Count.ShouldBe(2);
        AssertRaised<GroupMemberRemoved>(given.Group).MemberId.ShouldBe(given.Member);
    }

    [TestCase(GroupRole.Admin)]
    [TestCase(GroupRole.Member)]
    public void RemoveMember_WhenMemberRemovesItself_LeavesTheGroup(GroupRole role)
    {
        var given = GivenGroups.AGroupWithAdminAndMember();
        var leaver = given.Actor(role);

        given.Group.RemoveMember(leaver, leaver, Given.Now);

        given.Group.RoleOf(leaver).ShouldBeNull();
        AssertRaised<GroupMemberRemoved>(given.Group).ActorId.ShouldBe(leaver);
    }

    [TestCase(GroupRole.Owner)]
    [TestCase(GroupRole.Admin)]
    public void RemoveMember_WhenTargetIsTheOwner_BreaksOwnerCannotBeRemovedRule(GroupRole actorRole)
    {
        var given = GivenGroups.AGroupWithAdminAndMember();

        AssertBrokenRule<OwnerCannotBeRemoved>(() => given.Group.RemoveMember(given.Actor(actorRole), given.Owner, Given.Now));
    }

    [Test]
    public void RemoveMember_WhenPlainMemberRemovesSomeoneElse_BreaksOnlyOwnerAdminOrSelfRemovesMemberRule()
    {
        var given = GivenGroups.AGroupWithAdminAndMember();

        AssertBrokenRule<OnlyOwnerAdminOrSelfRemovesMember>(() => given.Group.RemoveMember(given.Member, given.Admin, Given.Now));
    }

    [Test]
    public void RemoveMember_WhenActorIsNotAMember_BreaksOnlyMembersSeeGroupRule()
    {
        var given = GivenGroups.AGroupWithAdminAndMember();

        AssertBrokenRule<OnlyMembersSeeGroup>(() => given.Group.RemoveMember(given.Stranger, given.Member, Given.Now));
    }

    [Test]
    public void RemoveMember_WhenTargetIsNotAMember_BreaksMemberMustBelongToGroupRule()
    {
        var given = GivenGroups.AGroupWithAdminAndMember();

        AssertBrokenRule<MemberMustBelongToGroup>(() => given.Group.RemoveMember(given.Owner, UserId.New(), Given.Now));
    }
}
