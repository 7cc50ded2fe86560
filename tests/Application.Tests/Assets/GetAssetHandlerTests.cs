using Ardalis.Result;
using Ardalis.Specification;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets.GetAsset;
using MediaVault.Application.Tests.TestSupport;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Users;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace MediaVault.Application.Tests.Assets;

public sealed class GetAssetHandlerTests
{
    private readonly FakeTimeProvider _clock = new(Build.Now);
    private readonly Mock<IReadRepository<Asset>> _assets = new();

    [Test]
    public async Task Handle_WhenCallerIsOwner_ReturnsAssetWithOwnerAccess()
    {
        var owner = UserId.New();
        var asset = Build.ReadyAsset(owner);
        Returns(asset);

        var result = await Handler(owner).HandleAsync(new GetAssetQuery(asset.Id.Value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Value.Id.ShouldBe(asset.Id.Value);
        result.Value.Access.Role.ShouldBe(AccessRole.Owner);
        result.Value.Access.CanDelete.ShouldBeTrue();
    }

    [Test]
    public async Task Handle_WhenAssetDoesNotExist_ReturnsNotFound()
    {
        Returns(null);

        var result = await Handler(UserId.New()).HandleAsync(new GetAssetQuery(Guid.NewGuid()), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.NotFound);
    }

    [Test]
    public async Task Handle_WhenCallerIsStranger_ReturnsNotFoundNotForbidden()
    {
        var asset = Build.ReadyAsset(UserId.New());
        Returns(asset);

        var result = await Handler(UserId.New()).HandleAsync(new GetAssetQuery(asset.Id.Value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.NotFound);
    }

    [Test]
    public async Task Handle_WhenGrantExpiredAtThisInstant_ReturnsNotFound()
    {
        var owner = UserId.New();
        var grantee = UserId.New();
        var asset = Build.ReadyAsset(owner);
        asset.ShareWith(owner, AccessPolicy.Evaluate(asset, owner, Build.Now), Grantee.OfPerson(grantee), AccessRole.Viewer, true, Build.Now.AddHours(1), Build.Now);
        Returns(asset);
        _clock.Advance(TimeSpan.FromHours(1));

        var result = await Handler(grantee).HandleAsync(new GetAssetQuery(asset.Id.Value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.NotFound);
    }

    [Test]
    public async Task Handle_WhenCallerHoldsActiveGrant_ReturnsAssetWithGrantRole()
    {
        var owner = UserId.New();
        var grantee = UserId.New();
        var asset = Build.ReadyAsset(owner);
        asset.ShareWith(owner, AccessPolicy.Evaluate(asset, owner, Build.Now), Grantee.OfPerson(grantee), AccessRole.Editor, true, null, Build.Now);
        Returns(asset);

        var result = await Handler(grantee).HandleAsync(new GetAssetQuery(asset.Id.Value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Value.Access.Role.ShouldBe(AccessRole.Editor);
        result.Value.Access.CanEdit.ShouldBeTrue();
        result.Value.Access.CanShare.ShouldBeFalse();
    }

    private void Returns(Asset? asset) =>
        _assets.Setup(r => r.FirstOrDefaultAsync(It.IsAny<ISpecification<Asset>>(), It.IsAny<CancellationToken>())).ReturnsAsync(asset);

    private GetAssetHandler Handler(UserId caller) => new(NoOtherPaths.Instance, _assets.Object, Build.Caller(caller).Object, _clock);
}
