using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Sharing.CreateGrant;
using MediaVault.Application.Tests.TestSupport;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Events;
using MediaVault.Domain.Users;
using Moq;

namespace MediaVault.Application.Tests.Sharing;

public sealed class CreateGrantHandlerTests
{
    private readonly Mock<IUserDirectory> _users = new();

    [Test]
    public async Task Handle_WhenOwnerGrantsAVerifiedAccount_SharesAndSaves()
    {
        var asset = Build.ReadyAsset();
        var grantee = Build.Person();
        _users.Setup(u => u.FindGrantableByEmailAsync(EmailAddress.Create(grantee.Email), It.IsAny<CancellationToken>())).ReturnsAsync(grantee);
        _users.Setup(u => u.GetByIdsAsync(It.IsAny<IReadOnlyCollection<UserId>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Dictionary<UserId, DirectoryUser> { [grantee.Id] = grantee });
        var assets = Build.Finding<IRepository<Asset>, Asset>(asset);

        var result = await Handler(assets, asset.OwnerId).HandleAsync(Command(asset, grantee.Email, "Editor"), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Value.Role.ShouldBe(AccessRole.Editor);
        result.Value.Grantee.ShouldBe(new(grantee.Id.Value, grantee.Email, grantee.DisplayName));
        result.Value.CreatedBy.ShouldBe(asset.OwnerId.Value);
        result.Value.Active.ShouldBeTrue();
        AccessPolicy.Evaluate(asset, grantee.Id, Build.Now).Role.ShouldBe(AccessRole.Editor);
        asset.DomainEvents.OfType<GrantCreated>().ShouldHaveSingleItem();
        assets.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Handle_WhenAssetIsMissing_IsNotFound()
    {
        var assets = Build.Finding<IRepository<Asset>, Asset>(null);

        var result = await Handler(assets, UserId.New()).HandleAsync(
            new CreateGrantCommand(Guid.NewGuid(), "someone@example.com", "viewer", null), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.NotFound);
        _users.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Handle_WhenCallerIsAStranger_IsNotFoundAndLooksNobodyUp()
    {
        var asset = Build.ReadyAsset();
        var assets = Build.Finding<IRepository<Asset>, Asset>(asset);

        var result = await Handler(assets, UserId.New()).HandleAsync(Command(asset, "someone@example.com"), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.NotFound);
        _users.VerifyNoOtherCalls();
        assets.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [TestCase(AccessRole.Editor)]
    [TestCase(AccessRole.Viewer)]
    public async Task Handle_WhenCallerIsEditorOrViewer_IsForbidden(AccessRole role)
    {
        var asset = Build.ReadyAsset();
        var caller = Build.Grantee(asset, role);
        var assets = Build.Finding<IRepository<Asset>, Asset>(asset);

        var result = await Handler(assets, caller).HandleAsync(Command(asset, "someone@example.com"), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Forbidden);
        _users.VerifyNoOtherCalls();
    }

    [TestCase("not an email", "viewer", 60, "granteeEmail")]
    [TestCase("a@example.com", "owner", 60, "role")]
    [TestCase("a@example.com", "7", 60, "role")]
    [TestCase("a@example.com", "viewer", 0, "expiresAt")]
    public async Task Handle_WhenInputIsInvalid_IsInvalidNamingTheField(string email, string role, int expiresInSeconds, string field)
    {
        var asset = Build.ReadyAsset();
        var assets = Build.Finding<IRepository<Asset>, Asset>(asset);

        var result = await Handler(assets, asset.OwnerId).HandleAsync(
            new CreateGrantCommand(asset.Id.Value, email, role, Build.Now.AddSeconds(expiresInSeconds)), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ValidationErrors.Select(e => e.Identifier).ShouldBe([field]);
    }

    [Test]
    public async Task Handle_WhenNoGrantableAccountHasTheEmail_IsInvalidOnGranteeEmail()
    {
        var asset = Build.ReadyAsset();
        var assets = Build.Finding<IRepository<Asset>, Asset>(asset);

        var result = await Handler(assets, asset.OwnerId).HandleAsync(Command(asset, "nobody@example.com"), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ValidationErrors.Single().Identifier.ShouldBe("granteeEmail");
        assets.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Handle_WhenTheEmailIsTheOwners_IsInvalidOnGranteeEmail()
    {
        var asset = Build.ReadyAsset();
        _users.Setup(u => u.FindGrantableByEmailAsync(It.IsAny<EmailAddress>(), It.IsAny<CancellationToken>())).ReturnsAsync(Build.Person(asset.OwnerId));
        var assets = Build.Finding<IRepository<Asset>, Asset>(asset);

        var result = await Handler(assets, asset.OwnerId).HandleAsync(Command(asset, "owner@example.com"), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ValidationErrors.Single().Identifier.ShouldBe("granteeEmail");
    }

    [Test]
    public async Task Handle_WhenThePersonAlreadyHoldsAGrant_IsConflict()
    {
        var asset = Build.ReadyAsset();
        var grantee = Build.Grantee(asset, AccessRole.Viewer);
        _users.Setup(u => u.FindGrantableByEmailAsync(It.IsAny<EmailAddress>(), It.IsAny<CancellationToken>())).ReturnsAsync(Build.Person(grantee));
        var assets = Build.Finding<IRepository<Asset>, Asset>(asset);

        var result = await Handler(assets, asset.OwnerId).HandleAsync(Command(asset, "grace@example.com"), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Conflict);
        assets.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    private CreateGrantHandler Handler(Mock<IRepository<Asset>> assets, UserId caller) =>
        new(NoOtherPaths.Instance, assets.Object, _users.Object, NoGroups.Instance, Build.Caller(caller).Object, Build.Clock());

    private static CreateGrantCommand Command(Asset asset, string email, string role = "viewer") => new(asset.Id.Value, email, role, null);
}
