using MediaVault.Domain.Groups;
using MediaVault.Domain.Groups.Events;
using MediaVault.Domain.Groups.Rules;
using MediaVault.Domain.Tests.TestSupport;
using MediaVault.Domain.Users;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;

namespace MediaVault.Domain.Tests.Groups;

public sealed class AddGroupMemberTests
{
    [TestCase(GroupRole.Owner, GroupRole.Member)]
    [TestCase(GroupRole.Admin, GroupRole.Admin)]
    public void AddMember_WhenOwnerOrAdminAddsAPerson_MakesThemAMemberAndRaisesGroupMemberAdded(GroupRole actorRole, GroupRole role)
    {
        var given = GivenGroups.AGroupWithAdminAndMember();
        var person = UserId.New();

        var member = given.Group.AddMember(given.Actor(actorRole), person, role, Given.Now);

        member.UserId.ShouldBe(person);
        member.AddedAt.ShouldBe(Given.Now);
        given.Group.RoleOf(person).ShouldBe(role);
        given.Group.Members.Count.ShouldBe(4);
        var added = AssertRaised<GroupMemberAdded>(given.Group);
        added.MemberId.ShouldBe(person);
        added.Role.ShouldBe(role);
    }

    [Test]
    public void AddMember_WhenActorIsAPlainMember_BreaksOnlyOwnerOrAdminManagesGroupRule()
    {
        var given = GivenGroups.AGroupWithAdminAndMember();

        AssertBrokenRule<OnlyOwnerOrAdminManagesGroup>(() => given.Group.AddMember(given.Member, UserId.New(), GroupRole.Member, Given.Now));
    }

    [Test]
    public void AddMember_WhenActorIsNotAMember_BreaksOnlyMembersSeeGroupRule()
    {
        var given = GivenGroups.AGroupWithAdminAndMember();

        AssertBrokenRule<OnlyMembersSeeGroup>(() => given.Group.AddMember(given.Stranger, UserId.New(), GroupRole.Member, Given.Now));
    }

    [Test]
    public void AddMember_WhenNoActiveAccountWasFound_BreaksMemberMustBeAnActiveAccountRule()
    {
        var given = GivenGroups.AGroupWithAdminAndMember();

        AssertBrokenRule<MemberMustBeAnActiveAccount>(() => given.Group.AddMember(given.Owner, null, GroupRole.Member, Given.Now));
    }

    [Test]
    public void AddMember_WhenPersonIsAlreadyAMember_BreaksPersonIsMemberOnceRule()
    {
        var given = GivenGroups.AGroupWithAdminAndMember();

        AssertBrokenRule<PersonIsMemberOnce>(() => given.Group.AddMember(given.Admin, given.Member, GroupRole.Admin, Given.Now));
    }

    [Test]
    public void AddMember_WhenRoleIsOwner_BreaksGroupRoleMustBeAssignableRule()
    {
        var given = GivenGroups.AGroupWithAdminAndMember();

        AssertBrokenRule<GroupRoleMustBeAssignable>(() => given.Group.AddMember(given.Owner, UserId.New(), GroupRole.Owner, Given.Now));
    }
}
