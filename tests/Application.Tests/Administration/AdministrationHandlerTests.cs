using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Administration.ListUsers;
using MediaVault.Application.Administration.SetUserDisabled;
using MediaVault.Application.Common;
using MediaVault.Application.Tests.TestSupport;
using MediaVault.Domain.Users;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace MediaVault.Application.Tests.Administration;

public sealed class AdministrationHandlerTests
{
    private readonly Mock<IAccountAdministration> _accounts = new();

    [Test]
    public async Task ListUsers_ByANonAdmin_IsForbiddenAndReadsNothing()
    {
        var result = await new ListUsersHandler(_accounts.Object, Build.Caller(UserId.New()).Object, TestCursorSigner.Instance).HandleAsync(new ListUsersQuery(), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Forbidden);
        _accounts.VerifyNoOtherCalls();
    }

    [Test]
    public async Task ListUsers_WhenMoreThanAPageExists_GivesACursorAfterTheLastItem()
    {
        var rows = Enumerable.Range(0, 3).Select(i => Account(Build.Now.AddMinutes(-i))).ToList();
        _accounts.Setup(a => a.ListAsync(new AccountQuery("pat", null, 2), It.IsAny<CancellationToken>())).ReturnsAsync(rows);

        var result = await new ListUsersHandler(_accounts.Object, Build.Caller(UserId.New(), isAdmin: true).Object, TestCursorSigner.Instance)
            .HandleAsync(new ListUsersQuery(2, null, "  pat "), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Value.Items.Count.ShouldBe(2);
        KeysetCursor.TryDecode(result.Value.NextCursor, TestCursorSigner.Instance, ListUsersHandler.CursorList, out var cursor).ShouldBeTrue();
        cursor.ShouldBe(new KeysetCursor(rows[1].CreatedAt, rows[1].Id));
    }

    [TestCase(0, null, "limit")]
    [TestCase(101, null, "limit")]
    [TestCase(10, "junk", "cursor")]
    public async Task ListUsers_WithBadPaging_IsInvalid(int limit, string? cursor, string field)
    {
        var result = await new ListUsersHandler(_accounts.Object, Build.Caller(UserId.New(), isAdmin: true).Object, TestCursorSigner.Instance)
            .HandleAsync(new ListUsersQuery(limit, cursor), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ValidationErrors.Select(e => e.Identifier).ShouldBe([field]);
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task SetDisabled_ByAnAdmin_ChangesTheAccount(bool disabled)
    {
        var target = UserId.New();
        _accounts.Setup(a => a.SetDisabledAsync(target, disabled, It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var result = await Handler(UserId.New(), isAdmin: true).HandleAsync(new SetUserDisabledCommand(target.Value, disabled), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        _accounts.Verify(a => a.SetDisabledAsync(target, disabled, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task SetDisabled_OfAnUnknownAccount_IsNotFound()
    {
        var result = await Handler(UserId.New(), isAdmin: true).HandleAsync(new SetUserDisabledCommand(Guid.NewGuid(), true), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.NotFound);
    }

    [Test]
    public async Task SetDisabled_ByANonAdmin_IsForbidden()
    {
        var result = await Handler(UserId.New(), isAdmin: false).HandleAsync(new SetUserDisabledCommand(Guid.NewGuid(), true), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Forbidden);
        _accounts.VerifyNoOtherCalls();
    }

    [Test]
    public async Task SetDisabled_OfTheAdminsOwnAccount_IsConflict()
    {
        var admin = UserId.New();

        var result = await Handler(admin, isAdmin: true).HandleAsync(new SetUserDisabledCommand(admin.Value, true), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Conflict);
        _accounts.VerifyNoOtherCalls();
    }

    private SetUserDisabledHandler Handler(UserId caller, bool isAdmin) =>
        new(_accounts.Object, Build.Caller(caller, isAdmin).Object, NullLogger<SetUserDisabledHandler>.Instance);

    private static AccountSummary Account(DateTimeOffset createdAt) =>
        new(Guid.CreateVersion7(), "pat@example.com", "Pat", true, false, [], 0, 0, createdAt);
}
