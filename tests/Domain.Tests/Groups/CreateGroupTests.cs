using MediaVault.Domain.Groups;
using MediaVault.Domain.Groups.Events;
using MediaVault.Domain.Tests.TestSupport;
using MediaVault.Domain.Users;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;

namespace MediaVault.Domain.Tests.Groups;

public sealed class CreateGroupTests
{
    [Test]
    public void Create_WhenSomeoneFoundsAGroup_MakesThemItsOwnerAndOnlyMember()
    {
        var creator = UserId.New();

        var group = Group.Create("  Family ", " Our photos ", creator, Given.Now);

        group.Name.ShouldBe("Family");
        group.Description.ShouldBe("Our photos");
        group.OwnerId.ShouldBe(creator);
        group.Members.Count.ShouldBe(1);
        group.RoleOf(creator).ShouldBe(GroupRole.Owner);
        group.Members.Single().AddedAt.ShouldBe(Given.Now);
        group.CreatedAt.ShouldBe(Given.Now);
    }

    [Test]
    public void Create_WhenSomeoneFoundsAGroup_RaisesGroupCreated()
    {
        var creator = UserId.New();

        var group = Group.Create("Family", null, creator, Given.Now);

        var created = AssertRaised<GroupCreated>(group);
        created.GroupId.ShouldBe(group.Id);
        created.ActorId.ShouldBe(creator);
        group.Description.ShouldBeNull();
    }
}
