using MediaVault.Domain.Groups;
using MediaVault.Domain.Groups.Events;
using MediaVault.Domain.Groups.Rules;
using MediaVault.Domain.Tests.TestSupport;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;

namespace MediaVault.Domain.Tests.Groups;

public sealed class DeleteGroupTests
{
    [Test]
    public void Delete_WhenOwnerDeletes_RaisesGroupDeleted()
    {
        var given = GivenGroups.AGroupWithAdminAndMember();

        given.Group.Delete(given.Owner, Given.Now);

        AssertRaised<GroupDeleted>(given.Group).ActorId.ShouldBe(given.Owner);
    }

    [TestCase(GroupRole.Admin)]
    [TestCase(GroupRole.Member)]
    public void Delete_WhenActorIsAdminOrMember_BreaksOnlyOwnerDeletesGroupRule(GroupRole role)
    {
        var given = GivenGroups.AGroupWithAdminAndMember();

        AssertBrokenRule<OnlyOwnerDeletesGroup>(() => given.Group.Delete(given.Actor(role), Given.Now));
    }

    [Test]
    public void Delete_WhenActorIsNotAMember_BreaksOnlyMembersSeeGroupRule()
    {
        var given = GivenGroups.AGroupWithAdminAndMember();

        AssertBrokenRule<OnlyMembersSeeGroup>(() => given.Group.Delete(given.Stranger, Given.Now));
    }
}
