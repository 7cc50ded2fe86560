using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Common;
using MediaVault.Application.Groups;
using MediaVault.Application.Groups.AddGroupMember;
using MediaVault.Application.Groups.ChangeGroupMemberRole;
using MediaVault.Application.Groups.CreateGroup;
using MediaVault.Application.Groups.DeleteGroup;
using MediaVault.Application.Groups.GetGroup;
using MediaVault.Application.Groups.ListGroupMembers;
using MediaVault.Application.Groups.ListGroups;
using MediaVault.Application.Groups.RemoveGroupMember;
using MediaVault.Application.Groups.UpdateGroup;
using MediaVault.Application.Tests.TestSupport;
using MediaVault.Domain.Common;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Groups.Events;
using MediaVault.Domain.Users;
using Moq;

namespace MediaVault.Application.Tests.Groups;

public sealed class GroupHandlersTests
{
    private readonly UserId _owner = UserId.New();
    private readonly UserId _admin = UserId.New();
    private readonly UserId _member = UserId.New();
    private readonly UserId _stranger = UserId.New();
    private readonly Mock<IUserDirectory> _users = new();
    private Group _group = null!;
    private Mock<IRepository<Group>> _groups = null!;

    [SetUp]
    public void Arrange()
    {
        _group = Build.Group(_owner, _admin, _member);
        _groups = Build.Finding<IRepository<Group>, Group>(_group);
    }

    [Test]
    public async Task Create_WhenNameIsValid_AddsAGroupWithTheCallerAsOwner()
    {
        var groups = new Mock<IRepository<Group>>();
        var handler = new CreateGroupHandler(groups.Object, Build.Caller(_owner).Object, Build.Clock());

        var result = await handler.HandleAsync(new CreateGroupCommand(" Family ", null), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Value.Name.ShouldBe("Family");
        result.Value.MyRole.ShouldBe(GroupRole.Owner);
        result.Value.MemberCount.ShouldBe(1);
        groups.Verify(r => r.AddAsync(It.Is<Group>(g => g.OwnerId == _owner), It.IsAny<CancellationToken>()), Times.Once);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    public async Task Create_WhenNameIsMissingOrBlank_IsInvalidOnName(string? name)
    {
        var groups = new Mock<IRepository<Group>>();
        var handler = new CreateGroupHandler(groups.Object, Build.Caller(_owner).Object, Build.Clock());

        var result = await handler.HandleAsync(new CreateGroupCommand(name, null), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ValidationErrors.Single().Identifier.ShouldBe("name");
        groups.Verify(r => r.AddAsync(It.IsAny<Group>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Get_WhenTheReadPortFindsNothingForTheCaller_IsNotFound()
    {
        var queries = new Mock<IGroupQueries>();
        var handler = new GetGroupHandler(queries.Object, Build.Caller(_stranger).Object);

        var result = await handler.HandleAsync(new GetGroupQuery(_group.Id.Value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.NotFound);
        queries.Verify(q => q.FindForMemberAsync(_group.Id, _stranger, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task List_WhenMoreRowsThanTheLimit_ReturnsAPageWithACursor()
    {
        var queries = new Mock<IGroupQueries>();
        var rows = Enumerable.Range(0, 3).Select(i => GroupDto.From(_group, _owner) with { Id = Guid.NewGuid(), CreatedAt = Build.Now.AddMinutes(-i) }).ToList();
        queries.Setup(q => q.ListForMemberAsync(_owner, null, 2, It.IsAny<CancellationToken>())).ReturnsAsync(rows);
        var signer = new TestCursorSigner();
        var handler = new ListGroupsHandler(queries.Object, Build.Caller(_owner).Object, signer);

        var result = await handler.HandleAsync(new ListGroupsQuery(2), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Value.Items.Count.ShouldBe(2);
        KeysetCursor.TryDecode(result.Value.NextCursor, signer, ListGroupsHandler.CursorList, out var cursor).ShouldBeTrue();
        cursor!.Value.Id.ShouldBe(rows[1].Id);
    }

    [Test]
    public async Task ListMembers_WhenCallerIsNotAMember_IsNotFoundAndListsNothing()
    {
        var queries = new Mock<IGroupQueries>();
        var handler = new ListGroupMembersHandler(queries.Object, Build.Caller(_stranger).Object, new TestCursorSigner());

        var result = await handler.HandleAsync(new ListGroupMembersQuery(_group.Id.Value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.NotFound);
        queries.Verify(q => q.ListMembersAsync(It.IsAny<GroupId>(), It.IsAny<KeysetCursor?>(), It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Update_WhenGroupIsMissing_IsNotFound()
    {
        var groups = Build.Finding<IRepository<Group>, Group>(null);

        var result = await UpdateHandler(groups, _owner).HandleAsync(new UpdateGroupCommand(Guid.NewGuid(), "New", null), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.NotFound);
    }

    [Test]
    public async Task Update_WhenCallerIsAStrangerWithInvalidInput_IsNotFound()
    {
        var result = await UpdateHandler(_groups, _stranger).HandleAsync(new UpdateGroupCommand(_group.Id.Value, new string('a', 101), null), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.NotFound);
    }

    [Test]
    public async Task Update_WhenCallerIsAPlainMember_IsForbiddenAndSavesNothing()
    {
        var result = await UpdateHandler(_groups, _member).HandleAsync(new UpdateGroupCommand(_group.Id.Value, "Mine", null), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Forbidden);
        _groups.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Update_WhenAdminGivesANameTooLong_IsInvalidOnName()
    {
        var result = await UpdateHandler(_groups, _admin).HandleAsync(new UpdateGroupCommand(_group.Id.Value, new string('a', 101), null), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ValidationErrors.Single().Identifier.ShouldBe("name");
        _group.Name.ShouldBe("Family");
    }

    [Test]
    public async Task Update_WhenAdminRenames_RenamesAndSaves()
    {
        var result = await UpdateHandler(_groups, _admin).HandleAsync(new UpdateGroupCommand(_group.Id.Value, "Friends", null), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Value.Name.ShouldBe("Friends");
        result.Value.MyRole.ShouldBe(GroupRole.Admin);
        _groups.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Delete_WhenCallerIsAnAdmin_IsForbiddenAndDeletesNothing()
    {
        var handler = new DeleteGroupHandler(_groups.Object, Build.Caller(_admin).Object, Build.Clock());

        var result = await handler.HandleAsync(new DeleteGroupCommand(_group.Id.Value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Forbidden);
        _groups.Verify(r => r.DeleteAsync(It.IsAny<Group>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Delete_WhenCallerIsTheOwner_Deletes()
    {
        var handler = new DeleteGroupHandler(_groups.Object, Build.Caller(_owner).Object, Build.Clock());

        var result = await handler.HandleAsync(new DeleteGroupCommand(_group.Id.Value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        _group.DomainEvents.OfType<GroupDeleted>().ShouldHaveSingleItem();
        _groups.Verify(r => r.DeleteAsync(_group, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task AddMember_WhenGroupIsMissing_IsNotFoundAndLooksNobodyUp()
    {
        var groups = Build.Finding<IRepository<Group>, Group>(null);

        var result = await AddHandler(groups, _owner).HandleAsync(new AddGroupMemberCommand(Guid.NewGuid(), "grace@example.com", null), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.NotFound);
        _users.VerifyNoOtherCalls();
    }

    [Test]
    public async Task AddMember_WhenCallerIsAStrangerWithABadAddress_IsNotFound()
    {
        var result = await AddHandler(_groups, _stranger).HandleAsync(new AddGroupMemberCommand(_group.Id.Value, "not an address", null), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.NotFound);
    }

    [Test]
    public async Task AddMember_WhenCallerIsAPlainMember_IsForbidden()
    {
        var person = Build.Person();
        _users.Setup(u => u.FindGrantableByEmailAsync(It.IsAny<EmailAddress>(), It.IsAny<CancellationToken>())).ReturnsAsync(person);

        var result = await AddHandler(_groups, _member).HandleAsync(new AddGroupMemberCommand(_group.Id.Value, person.Email, null), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Forbidden);
        _group.RoleOf(person.Id).ShouldBeNull();
    }

    [Test]
    public async Task AddMember_WhenNoActiveAccountHasTheAddress_IsInvalidOnEmail()
    {
        _users.Setup(u => u.FindGrantableByEmailAsync(It.IsAny<EmailAddress>(), It.IsAny<CancellationToken>())).ReturnsAsync((DirectoryUser?)null);

        var result = await AddHandler(_groups, _owner).HandleAsync(new AddGroupMemberCommand(_group.Id.Value, "nobody@example.com", null), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ValidationErrors.Single().Identifier.ShouldBe("email");
        _groups.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task AddMember_WhenRoleIsUnknown_IsInvalidOnRole()
    {
        var result = await AddHandler(_groups, _owner).HandleAsync(new AddGroupMemberCommand(_group.Id.Value, "grace@example.com", "owner"), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ValidationErrors.Single().Identifier.ShouldBe("role");
        _users.VerifyNoOtherCalls();
    }

    [Test]
    public async Task AddMember_WhenPersonIsAlreadyAMember_IsConflict()
    {
        _users.Setup(u => u.FindGrantableByEmailAsync(It.IsAny<EmailAddress>(), It.IsAny<CancellationToken>())).ReturnsAsync(Build.Person(_member));

        var result = await AddHandler(_groups, _admin).HandleAsync(new AddGroupMemberCommand(_group.Id.Value, "grace@example.com", null), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Conflict);
    }

    [Test]
    public async Task AddMember_WhenAdminAddsAnActiveAccount_AddsItAsMemberAndSaves()
    {
        var person = Build.Person();
        _users.Setup(u => u.FindGrantableByEmailAsync(EmailAddress.Create(person.Email), It.IsAny<CancellationToken>())).ReturnsAsync(person);

        var result = await AddHandler(_groups, _admin).HandleAsync(new AddGroupMemberCommand(_group.Id.Value, person.Email, null), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Value.ShouldBe(new GroupMemberDto(person.Id.Value, person.Email, person.DisplayName, GroupRole.Member, Build.Now));
        _groups.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task ChangeMemberRole_WhenTargetIsTheOwner_IsInvalidOnUserId()
    {
        var result = await ChangeHandler(_groups, _admin).HandleAsync(new ChangeGroupMemberRoleCommand(_group.Id.Value, _owner.Value, "member"), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ValidationErrors.Single().Identifier.ShouldBe("userId");
    }

    [Test]
    public async Task ChangeMemberRole_WhenTargetIsNotAMember_IsNotFound()
    {
        var result = await ChangeHandler(_groups, _owner).HandleAsync(new ChangeGroupMemberRoleCommand(_group.Id.Value, _stranger.Value, "admin"), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.NotFound);
    }

    [Test]
    public async Task ChangeMemberRole_WhenCallerIsAPlainMember_IsForbidden()
    {
        var result = await ChangeHandler(_groups, _member).HandleAsync(new ChangeGroupMemberRoleCommand(_group.Id.Value, _admin.Value, "member"), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Forbidden);
    }

    [Test]
    public async Task ChangeMemberRole_WhenOwnerPromotesAMember_ChangesTheRoleAndSaves()
    {
        _users.Setup(u => u.GetByIdsAsync(It.IsAny<IReadOnlyCollection<UserId>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Dictionary<UserId, DirectoryUser> { [_member] = Build.Person(_member) });

        var result = await ChangeHandler(_groups, _owner).HandleAsync(new ChangeGroupMemberRoleCommand(_group.Id.Value, _member.Value, "admin"), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Value.Role.ShouldBe(GroupRole.Admin);
        result.Value.Email.ShouldBe("grace@example.com");
        _groups.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task RemoveMember_WhenTargetIsTheOwner_IsInvalidOnUserId()
    {
        var result = await RemoveHandler(_groups, _owner).HandleAsync(new RemoveGroupMemberCommand(_group.Id.Value, _owner.Value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ValidationErrors.Single().Identifier.ShouldBe("userId");
    }

    [Test]
    public async Task RemoveMember_WhenCallerIsAStranger_IsNotFound()
    {
        var result = await RemoveHandler(_groups, _stranger).HandleAsync(new RemoveGroupMemberCommand(_group.Id.Value, _member.Value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.NotFound);
    }

    [Test]
    public async Task RemoveMember_WhenPlainMemberRemovesSomeoneElse_IsForbidden()
    {
        var result = await RemoveHandler(_groups, _member).HandleAsync(new RemoveGroupMemberCommand(_group.Id.Value, _admin.Value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Forbidden);
        _groups.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task RemoveMember_WhenMemberLeaves_RemovesAndSaves()
    {
        var result = await RemoveHandler(_groups, _member).HandleAsync(new RemoveGroupMemberCommand(_group.Id.Value, _member.Value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        _group.RoleOf(_member).ShouldBeNull();
        _groups.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void RuleOutcomes_ForEveryGroupRule_SayWhatItMeansToACaller()
    {
        var rules = typeof(Group).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(Domain.Groups.Rules.OnlyMembersSeeGroup).Namespace && typeof(IBusinessRule).IsAssignableFrom(t))
            .ToList();

        rules.ShouldNotBeEmpty();
        GroupRuleOutcomes.Rules.ShouldBe(rules, ignoreOrder: true);
    }

    private static UpdateGroupHandler UpdateHandler(Mock<IRepository<Group>> groups, UserId caller) =>
        new(groups.Object, Build.Caller(caller).Object, Build.Clock());

    private AddGroupMemberHandler AddHandler(Mock<IRepository<Group>> groups, UserId caller) =>
        new(groups.Object, _users.Object, Build.Caller(caller).Object, Build.Clock());

    private ChangeGroupMemberRoleHandler ChangeHandler(Mock<IRepository<Group>> groups, UserId caller) =>
        new(groups.Object, _users.Object, Build.Caller(caller).Object, Build.Clock());

    private static RemoveGroupMemberHandler RemoveHandler(Mock<IRepository<Group>> groups, UserId caller) =>
        new(groups.Object, Build.Caller(caller).Object, Build.Clock());
}
