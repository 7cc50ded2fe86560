using MediaVault.Domain.Groups;
using MediaVault.Domain.Groups.Events;
using MediaVault.Domain.Groups.Rules;
using MediaVault.Domain.Tests.TestSupport;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;

namespace MediaVault.Domain.Tests.Groups;

public sealed class DescribeGroupTests
{
    [TestCase(GroupRole.Owner)]
    [TestCase(GroupRole.Admin)]
    public void Describe_WhenOwnerOrAdmin_RenamesAndRaisesGroupUpdated(GroupRole role)
    {
        var given = GivenGroups.AGroupWithAdminAndMember();

        given.Group.Describe(given.Actor(role), "Family and friends", "", Given.Now);

        given.Group.Name.ShouldBe("Family and friends");
        given.Group.Description.ShouldBeNull();
        given.Group.UpdatedAt.ShouldBe(Given.Now);
        AssertRaised<GroupUpdated>(given.Group).ChangedFields.ShouldBe(["name", "description"]);
    }

    [Test]
    public void Describe_WhenActorIsAPlainMember_BreaksOnlyOwnerOrAdminManagesGroupRule()
    {
        var given = GivenGroups.AGroupWithAdminAndMember();

        AssertBrokenRule<OnlyOwnerOrAdminManagesGroup>(() => given.Group.Describe(given.Member, "Mine now", null, Given.Now));
    }

    [Test]
    public void Describe_WhenActorIsNotAMember_BreaksOnlyMembersSeeGroupRule()
    {
        var given = GivenGroups.AGroupWithAdminAndMember();

        AssertBrokenRule<OnlyMembersSeeGroup>(() => given.Group.Describe(given.Stranger, "Mine now", null, Given.Now));
    }
}
