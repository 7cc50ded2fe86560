using Ardalis.Result;
using Ardalis.Specification;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Sharing;
using MediaVault.Application.Sharing.CreateLink;
using MediaVault.Application.Sharing.ListLinks;
using MediaVault.Application.Sharing.RevokeLink;
using MediaVault.Application.Tests.TestSupport;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Events;
using MediaVault.Domain.Sharing;
using MediaVault.Domain.Users;
using Moq;

namespace MediaVault.Application.Tests.Sharing;

public sealed class LinkHandlerTests
{
    private readonly Mock<IRepository<ShareLink>> _links = new();
    private readonly Mock<ISecretHasher> _secrets = new();
    private readonly Mock<IShareLinkUrls> _urls = new();

    public LinkHandlerTests()
    {
        _secrets.Setup(s => s.Hash(It.IsAny<string>())).Returns<string>(p => $"hashed:{p.Length}");
        _urls.Setup(u => u.ForToken(It.IsAny<string>())).Returns<string>(t => new Uri($"https://vault.example/api/v1/public/links/{t}"));
    }

    [Test]
    public async Task Create_ByOwner_AddsALinkKeepingOnlyTheTokensHashAndReturnsTheTokenOnce()
    {
        var asset = Build.ReadyAsset();
        ShareLink? added = null;
        _links.Setup(l => l.AddAsync(It.IsAny<ShareLink>(), It.IsAny<CancellationToken>()))
            .Callback<ShareLink, CancellationToken>((link, _) => added = link)
            .ReturnsAsync((ShareLink link, CancellationToken _) => link);

        var result = await CreateHandler(asset, asset.OwnerId).HandleAsync(
            new CreateLinkCommand(asset.Id.Value, Build.Now.AddDays(1), "secret-pass", 5), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        var token = result.Value.Token;
        LinkTokens.IsWellFormed(token).ShouldBeTrue();
        result.Value.Url.ShouldBe(new Uri($"https://vault.example/api/v1/public/links/{token}"));
        added.ShouldNotBeNull();
        added.TokenHash.ShouldBe(LinkTokens.Hash(token));
        added.TokenHash.ShouldNotContain(token);
        added.PasswordHash.ShouldBe("hashed:11");
        added.MaxDownloads.ShouldBe(5);
        added.DomainEvents.OfType<LinkCreated>().ShouldHaveSingleItem();
        result.Value.Link.HasPassword.ShouldBeTrue();
    }

    [Test]
    public async Task Create_WithoutPassword_HashesNothing()
    {
        var asset = Build.ReadyAsset();

        var result = await CreateHandler(asset, asset.OwnerId).HandleAsync(new CreateLinkCommand(asset.Id.Value, null, null, null), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Value.Link.HasPassword.ShouldBeFalse();
        _secrets.Verify(s => s.Hash(It.IsAny<string>()), Times.Never);
    }

    [Test]
    public async Task Create_ForAMissingAssetOrByAStranger_IsNotFound()
    {
        var asset = Build.ReadyAsset();
        var command = new CreateLinkCommand(asset.Id.Value, null, null, null);

        (await CreateHandler(null, asset.OwnerId).HandleAsync(command, CancellationToken.None)).Status.ShouldBe(ResultStatus.NotFound);
        (await CreateHandler(asset, UserId.New()).HandleAsync(command, CancellationToken.None)).Status.ShouldBe(ResultStatus.NotFound);
        _links.Verify(l => l.AddAsync(It.IsAny<ShareLink>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [TestCase(AccessRole.Editor)]
    [TestCase(AccessRole.Viewer)]
    public async Task Create_ByEditorOrViewer_IsForbidden(AccessRole role)
    {
        var asset = Build.ReadyAsset();
        var caller = Build.Grantee(asset, role);

        var result = await CreateHandler(asset, caller).HandleAsync(new CreateLinkCommand(asset.Id.Value, null, null, null), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Forbidden);
    }

    [TestCase(-1, null, null, "expiresAt")]
    [TestCase(60, 0, null, "maxDownloads")]
    [TestCase(60, null, " ", "password")]
    public async Task Create_WithInvalidInput_IsInvalidNamingTheField(int expiresInSeconds, int? maxDownloads, string? password, string field)
    {
        var asset = Build.ReadyAsset();

        var result = await CreateHandler(asset, asset.OwnerId).HandleAsync(
            new CreateLinkCommand(asset.Id.Value, Build.Now.AddSeconds(expiresInSeconds), password, maxDownloads), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ValidationErrors.Select(e => e.Identifier).ShouldBe([field]);
    }

    [Test]
    public async Task Create_WithATooLongPassword_IsInvalid()
    {
        var asset = Build.ReadyAsset();

        var result = await CreateHandler(asset, asset.OwnerId).HandleAsync(
            new CreateLinkCommand(asset.Id.Value, null, new string('x', LinkSettings.PasswordMaxLength + 1), null), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Invalid);
    }

    [Test]
    public async Task Create_WithAPasswordShorterThanTheConfiguredMinimum_IsInvalidForPassword()
    {
        var asset = Build.ReadyAsset();

        var result = await CreateHandler(asset, asset.OwnerId).HandleAsync(new CreateLinkCommand(asset.Id.Value, null, "1234567", null), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ValidationErrors.Select(e => e.Identifier).ShouldBe(["password"]);
        _links.Verify(l => l.AddAsync(It.IsAny<ShareLink>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Create_ForAPendingAsset_IsConflict()
    {
        var asset = Build.PendingAsset();

        var result = await CreateHandler(asset, asset.OwnerId).HandleAsync(new CreateLinkCommand(asset.Id.Value, null, null, null), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Conflict);
    }

    [Test]
    public async Task Revoke_ByManager_RevokesAndSaves()
    {
        var asset = Build.ReadyAsset();
        var manager = Build.Grantee(asset, AccessRole.Manager);
        var link = Build.Link(asset, "hash");
        _links.Setup(l => l.FirstOrDefaultAsync(It.IsAny<ISpecification<ShareLink>>(), It.IsAny<CancellationToken>())).ReturnsAsync(link);

        var result = await RevokeHandler(asset, manager).HandleAsync(new RevokeLinkCommand(asset.Id.Value, link.Id.Value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        link.IsUsableAt(Build.Now).ShouldBeFalse();
        _links.Verify(l => l.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Revoke_OfALinkNotFoundForTheAsset_IsNotFound()
    {
        var asset = Build.ReadyAsset();

        var result = await RevokeHandler(asset, asset.OwnerId).HandleAsync(new RevokeLinkCommand(asset.Id.Value, Guid.NewGuid()), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.NotFound);
    }

    [Test]
    public async Task Revoke_ByViewer_IsForbiddenWithoutLookingForTheLink()
    {
        var asset = Build.ReadyAsset();
        var viewer = Build.Grantee(asset, AccessRole.Viewer);

        var result = await RevokeHandler(asset, viewer).HandleAsync(new RevokeLinkCommand(asset.Id.Value, Guid.NewGuid()), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Forbidden);
        _links.Verify(l => l.FirstOrDefaultAsync(It.IsAny<ISpecification<ShareLink>>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task List_ForOwner_ShowsLinksWithTheirState()
    {
        var asset = Build.ReadyAsset();
        var links = new Mock<IReadRepository<ShareLink>>();
        links.Setup(l => l.ListAsync(It.IsAny<ISpecification<ShareLink>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([Build.Link(asset, "a", maxDownloads: 1), Build.Link(asset, "b", passwordHash: "pw")]);

        var result = await new ListLinksHandler(NoOtherPaths.Instance, Build.Finding<IReadRepository<Asset>, Asset>(asset).Object, links.Object, Build.Caller(asset.OwnerId).Object, Build.Clock())
            .HandleAsync(new ListLinksQuery(asset.Id.Value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Value.Select(l => l.HasPassword).ShouldBe([false, true]);
        result.Value.ShouldAllBe(l => l.Active);
    }

    private CreateLinkHandler CreateHandler(Asset? asset, UserId caller) => new(
        NoOtherPaths.Instance, Build.Finding<IReadRepository<Asset>, Asset>(asset).Object, _links.Object, _secrets.Object, _urls.Object, Build.Caller(caller).Object, Build.Clock(), new LinkSettings(8));

    private RevokeLinkHandler RevokeHandler(Asset asset, UserId caller) =>
        new(NoOtherPaths.Instance, Build.Finding<IReadRepository<Asset>, Asset>(asset).Object, _links.Object, Build.Caller(caller).Object, Build.Clock());
}
