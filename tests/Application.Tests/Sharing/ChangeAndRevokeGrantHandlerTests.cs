using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Sharing.ChangeGrant;
using MediaVault.Application.Sharing.ListGrants;
using MediaVault.Application.Sharing.RevokeGrant;
using MediaVault.Application.Tests.TestSupport;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Users;
using Moq;

namespace MediaVault.Application.Tests.Sharing;

public sealed class ChangeAndRevokeGrantHandlerTests
{
    private readonly Mock<IUserDirectory> _users = new();

    public ChangeAndRevokeGrantHandlerTests() =>
        _users.Setup(u => u.GetByIdsAsync(It.IsAny<IReadOnlyCollection<UserId>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Dictionary<UserId, DirectoryUser>());

    [Test]
    public async Task Change_WhenManagerChangesSomeoneElsesGrant_ChangesAndSaves()
    {
        var asset = Build.ReadyAsset();
        var manager = Build.Grantee(asset, AccessRole.Manager);
        var grantee = Build.Grantee(asset, AccessRole.Viewer, Build.Now.AddDays(1));
        var assets = Build.Finding<IRepository<Asset>, Asset>(asset);

        var result = await ChangeHandler(assets, manager).HandleAsync(
            new ChangeGrantCommand(asset.Id.Value, GrantOf(asset, grantee), "editor", null, ExpiresAtGiven: true), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Value.Role.ShouldBe(AccessRole.Editor);
        result.Value.ExpiresAt.ShouldBeNull();
        assets.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Change_WhenExpiresAtIsNotGiven_KeepsIt()
    {
        var asset = Build.ReadyAsset();
        var expiry = Build.Now.AddDays(1);
        var grantee = Build.Grantee(asset, AccessRole.Viewer, expiry);
        var assets = Build.Finding<IRepository<Asset>, Asset>(asset);

        var result = await ChangeHandler(assets, asset.OwnerId).HandleAsync(
            new ChangeGrantCommand(asset.Id.Value, GrantOf(asset, grantee), "editor", null, ExpiresAtGiven: false), CancellationToken.None);

        result.Value.ExpiresAt.ShouldBe(expiry);
    }

    [Test]
    public async Task Change_WhenAManagerChangesItsOwnGrant_IsForbidden()
    {
        var asset = Build.ReadyAsset();
        var manager = Build.Grantee(asset, AccessRole.Manager, Build.Now.AddDays(1));
        var assets = Build.Finding<IRepository<Asset>, Asset>(asset);

        var result = await ChangeHandler(assets, manager).HandleAsync(
            new ChangeGrantCommand(asset.Id.Value, GrantOf(asset, manager), null, null, ExpiresAtGiven: true), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Forbidden);
        assets.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Change_WhenTheGrantIsNotOneOfTheAssets_IsNotFound()
    {
        var asset = Build.ReadyAsset();
        var assets = Build.Finding<IRepository<Asset>, Asset>(asset);

        var result = await ChangeHandler(assets, asset.OwnerId).HandleAsync(
            new ChangeGrantCommand(asset.Id.Value, Guid.NewGuid(), "editor", null, false), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.NotFound);
    }

    [TestCase("owner", 60, "role")]
    [TestCase("editor", -1, "expiresAt")]
    public async Task Change_WhenInputIsInvalid_IsInvalidNamingTheField(string role, int expiresInSeconds, string field)
    {
        var asset = Build.ReadyAsset();
        var grantee = Build.Grantee(asset, AccessRole.Viewer);
        var assets = Build.Finding<IRepository<Asset>, Asset>(asset);

        var result = await ChangeHandler(assets, asset.OwnerId).HandleAsync(
            new ChangeGrantCommand(asset.Id.Value, GrantOf(asset, grantee), role, Build.Now.AddSeconds(expiresInSeconds), true), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ValidationErrors.Select(e => e.Identifier).ShouldBe([field]);
    }

    [Test]
    public async Task Change_WhenCallerIsViewer_IsForbiddenAndWhenStranger_IsNotFound()
    {
        var asset = Build.ReadyAsset();
        var viewer = Build.Grantee(asset, AccessRole.Viewer);
        var assets = Build.Finding<IRepository<Asset>, Asset>(asset);
        var command = new ChangeGrantCommand(asset.Id.Value, GrantOf(asset, viewer), "manager", null, false);

        (await ChangeHandler(assets, viewer).HandleAsync(command, CancellationToken.None)).Status.ShouldBe(ResultStatus.Forbidden);
        (await ChangeHandler(assets, UserId.New()).HandleAsync(command, CancellationToken.None)).Status.ShouldBe(ResultStatus.NotFound);
    }

    [Test]
    public async Task Revoke_WhenTheGranteeLeaves_RevokesAndSaves()
    {
        var asset = Build.ReadyAsset();
        var viewer = Build.Grantee(asset, AccessRole.Viewer);
        var assets = Build.Finding<IRepository<Asset>, Asset>(asset);

        var result = await RevokeHandler(assets, viewer).HandleAsync(new RevokeGrantCommand(asset.Id.Value, GrantOf(asset, viewer)), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        AccessPolicy.Evaluate(asset, viewer, Build.Now).CanView.ShouldBeFalse();
        assets.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Revoke_WhenAViewerRevokesSomeoneElsesOrAnUnknownGrant_IsForbidden()
    {
        var asset = Build.ReadyAsset();
        var viewer = Build.Grantee(asset, AccessRole.Viewer);
        var other = Build.Grantee(asset, AccessRole.Editor);
        var assets = Build.Finding<IRepository<Asset>, Asset>(asset);

        (await RevokeHandler(assets, viewer).HandleAsync(new RevokeGrantCommand(asset.Id.Value, GrantOf(asset, other)), CancellationToken.None))
            .Status.ShouldBe(ResultStatus.Forbidden);
        (await RevokeHandler(assets, viewer).HandleAsync(new RevokeGrantCommand(asset.Id.Value, Guid.NewGuid()), CancellationToken.None))
            .Status.ShouldBe(ResultStatus.Forbidden);
        assets.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Revoke_WhenTheOwnerNamesAnUnknownGrant_IsNotFound()
    {
        var asset = Build.ReadyAsset();
        var assets = Build.Finding<IRepository<Asset>, Asset>(asset);

        var result = await RevokeHandler(assets, asset.OwnerId).HandleAsync(new RevokeGrantCommand(asset.Id.Value, Guid.NewGuid()), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.NotFound);
    }

    [Test]
    public async Task Revoke_WhenTheCallersGrantExpired_IsNotFound()
    {
        var asset = Build.ReadyAsset();
        var grantee = Build.Grantee(asset, AccessRole.Manager, Build.Now.AddDays(1));
        var assets = Build.Finding<IRepository<Asset>, Asset>(asset);
        var clock = Build.Clock();
        clock.Advance(TimeSpan.FromDays(2));

        var result = await new RevokeGrantHandler(NoOtherPaths.Instance, assets.Object, Build.Caller(grantee).Object, clock)
            .HandleAsync(new RevokeGrantCommand(asset.Id.Value, GrantOf(asset, grantee)), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.NotFound);
    }

    [Test]
    public async Task List_ForOwner_ShowsGrantsNewestFirstWithTheirPeople()
    {
        var asset = Build.ReadyAsset();
        var first = Build.Grantee(asset, AccessRole.Viewer, at: Build.Now.AddMinutes(-2));
        var second = Build.Grantee(asset, AccessRole.Editor, at: Build.Now.AddMinutes(-1));
        _users.Setup(u => u.GetByIdsAsync(It.IsAny<IReadOnlyCollection<UserId>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Dictionary<UserId, DirectoryUser> { [first] = Build.Person(first, "first@example.com") });
        var assets = Build.Finding<IReadRepository<Asset>, Asset>(asset);

        var result = await new ListGrantsHandler(NoOtherPaths.Instance, assets.Object, _users.Object, NoGroups.Instance, Build.Caller(asset.OwnerId).Object, Build.Clock())
            .HandleAsync(new ListGrantsQuery(asset.Id.Value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Value.Select(g => g.Grantee!.Id).ShouldBe([second.Value, first.Value]);
        result.Value[1].Grantee!.Email.ShouldBe("first@example.com");
        result.Value[0].Grantee!.Email.ShouldBeNull();
    }

    [Test]
    public async Task List_ForEditor_IsForbidden()
    {
        var asset = Build.ReadyAsset();
        var editor = Build.Grantee(asset, AccessRole.Editor);
        var assets = Build.Finding<IReadRepository<Asset>, Asset>(asset);

        var result = await new ListGrantsHandler(NoOtherPaths.Instance, assets.Object, _users.Object, NoGroups.Instance, Build.Caller(editor).Object, Build.Clock())
            .HandleAsync(new ListGrantsQuery(asset.Id.Value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Forbidden);
    }

    private static Guid GrantOf(Asset asset, UserId grantee) => asset.Grants.Single(g => g.GranteeId == grantee).Id.Value;

    private ChangeGrantHandler ChangeHandler(Mock<IRepository<Asset>> assets, UserId caller) =>
        new(NoOtherPaths.Instance, assets.Object, _users.Object, NoGroups.Instance, Build.Caller(caller).Object, Build.Clock());

    private static RevokeGrantHandler RevokeHandler(Mock<IRepository<Asset>> assets, UserId caller) =>
        new(NoOtherPaths.Instance, assets.Object, Build.Caller(caller).Object, Build.Clock());
}
