using Ardalis.Result;
using Ardalis.Specification;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets;
using MediaVault.Application.Sharing;
using MediaVault.Application.Sharing.DownloadViaLink;
using MediaVault.Application.Sharing.GetPublicLink;
using MediaVault.Application.Tests.TestSupport;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Sharing;
using Moq;

namespace MediaVault.Application.Tests.Sharing;

public sealed class PublicLinkHandlerTests
{
    private static readonly TimeSpan DefaultTtl = TimeSpan.FromMinutes(5);
    private readonly string _token = LinkTokens.New();
    private readonly Asset _asset = Build.ReadyAsset();
    private readonly Mock<IRepository<ShareLink>> _links = new();
    private readonly Mock<ISecretHasher> _secrets = new();
    private readonly Mock<IUnitOfWork> _unitOfWork = new();
    private readonly Mock<IUnitOfWorkTransaction> _transaction = new();
    private readonly Mock<ILinkDownloadCounter> _counter = new();
    private readonly Mock<ILinkPasswordFailures> _failures = new();
    private readonly Mock<IObjectStorage> _storage = new();

    public PublicLinkHandlerTests()
    {
        _unitOfWork.Setup(u => u.BeginTransactionAsync(It.IsAny<CancellationToken>())).ReturnsAsync(_transaction.Object);
        _storage.Setup(s => s.PresignGetAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<DownloadDisposition>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string key, string _, string _, DownloadDisposition _, DateTimeOffset _, CancellationToken _) => new Uri($"https://store.example/{key}"));
        _secrets.Setup(s => s.Verify("pw-hash", "right")).Returns(true);
    }

    [Test]
    public async Task Get_OfAUsableLink_ShowsTheAssetsNameAndWhetherAPasswordIsNeeded()
    {
        var link = LinkWith(passwordHash: "pw-hash");

        var result = await GetHandler(link).HandleAsync(new GetPublicLinkQuery(_token), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Value.Asset.ShouldBe(new PublicAssetDto("Photo", "photo.png", "image/png", MediaKind.Image, 1000));
        result.Value.Collection.ShouldBeNull();
        result.Value.Kind.ShouldBe(LinkKind.Asset);
        result.Value.RequiresPassword.ShouldBeTrue();
    }

    [Test]
    public async Task Get_OfAUsableLink_RecordsLinkViewedOnTheAssetWithTheTruncatedClient()
    {
        var link = LinkWith(passwordHash: "pw-hash");

        await GetHandler(link).HandleAsync(new GetPublicLinkQuery(_token), CancellationToken.None);

        var viewed = link.DomainEvents.OfType<LinkUsed>().Single();
        viewed.Use.ShouldBe(LinkUse.Viewed);
        viewed.AssetId.ShouldBe(_asset.Id);
        viewed.Client.ShouldBe("203.0.113.0/24");
        _links.Verify(l => l.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
        _secrets.Verify(s => s.Verify(It.IsAny<string>(), It.IsAny<string>()), Times.Never);
    }

    [TestCase("malformed")]
    [TestCase("unknown")]
    [TestCase("revoked")]
    [TestCase("used-up")]
    [TestCase("asset-gone")]
    public async Task Get_OfAnUnusableLink_IsNotFound(string state)
    {
        var link = LinkWith(maxDownloads: 1);
        switch (state)
        {
            case "revoked":
                link.Revoke(_asset.OwnerId, Domain.Access.AccessPolicy.Evaluate(_asset, _asset.OwnerId, Build.Now), Build.Now);
                break;
            case "used-up":
                link.RecordDownload(_asset.Id, Build.Now, countInStore: 1, client: null);
                break;
        }

        var handler = GetHandler(state == "unknown" ? null : link, assetGone: state == "asset-gone");
        var result = await handler.HandleAsync(new GetPublicLinkQuery(state == "malformed" ? "short" : _token), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.NotFound);
    }

    [Test]
    public async Task Download_WhenTheStoreCountsIt_RecordsTheStoresCountCommitsAndSignsAUrl()
    {
        var link = LinkWith(maxDownloads: 5);
        _counter.Setup(c => c.TryCountDownloadAsync(link.Id, Build.Now, It.IsAny<CancellationToken>())).ReturnsAsync(3);

        var result = (await DownloadHandler(link).HandleAsync(new DownloadViaLinkCommand(_token, null), CancellationToken.None)).Outcome;

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Value.Url.ShouldBe(new Uri($"https://store.example/{_asset.StorageKey}"));
        link.DownloadCount.ShouldBe(3);
        link.DomainEvents.OfType<LinkUsed>().Single().Count.ShouldBe(3);
        _links.Verify(l => l.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
        _transaction.Verify(t => t.CommitAsync(It.IsAny<CancellationToken>()), Times.Once);
        _storage.Verify(s => s.PresignGetAsync(_asset.StorageKey, "photo.png", "image/png", DownloadDisposition.Attachment, Build.Now + DefaultTtl, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Download_WhenAnotherHolderTookTheLastDownload_IsNotFoundAndCommitsNothing()
    {
        var link = LinkWith(maxDownloads: 1);
        _counter.Setup(c => c.TryCountDownloadAsync(link.Id, Build.Now, It.IsAny<CancellationToken>())).ReturnsAsync((int?)null);

        var result = (await DownloadHandler(link).HandleAsync(new DownloadViaLinkCommand(_token, null), CancellationToken.None)).Outcome;

        result.Status.ShouldBe(ResultStatus.NotFound);
        _links.Verify(l => l.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
        _transaction.Verify(t => t.CommitAsync(It.IsAny<CancellationToken>()), Times.Never);
        _transaction.Verify(t => t.DisposeAsync(), Times.Once);
        _storage.Verify(s => s.PresignGetAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<DownloadDisposition>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("wrong")]
    public async Task Download_WithoutTheRightPassword_IsUnauthorizedAndCountsNothing(string? password)
    {
        var link = LinkWith(passwordHash: "pw-hash");

        var result = (await DownloadHandler(link).HandleAsync(new DownloadViaLinkCommand(_token, password), CancellationToken.None)).Outcome;

        result.Status.ShouldBe(ResultStatus.Unauthorized);
        _counter.VerifyNoOtherCalls();
        _failures.Verify(f => f.RecordFailureAsync(link.Id, Build.Now, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Download_AfterTooManyWrongPasswordsWithinTheWindow_IsRefusedWithRetryAfterEvenWithTheRightPassword()
    {
        var link = LinkWith(passwordHash: "pw-hash");
        for (var i = 0; i < ShareLink.MaxPasswordFailures; i++)
        {
            link.RecordWrongPassword(Build.Now.AddMinutes(-5));
        }

        var result = await DownloadHandler(link).HandleAsync(new DownloadViaLinkCommand(_token, "right"), CancellationToken.None);

        result.RetryAfter.ShouldBe(TimeSpan.FromMinutes(10));
        _secrets.Verify(s => s.Verify(It.IsAny<string>(), It.IsAny<string>()), Times.Never);
        _counter.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Download_WithTheRightPassword_Succeeds()
    {
        var link = LinkWith(passwordHash: "pw-hash");
        _counter.Setup(c => c.TryCountDownloadAsync(link.Id, Build.Now, It.IsAny<CancellationToken>())).ReturnsAsync(1);

        var result = (await DownloadHandler(link).HandleAsync(new DownloadViaLinkCommand(_token, "right"), CancellationToken.None)).Outcome;

        result.Status.ShouldBe(ResultStatus.Ok);
    }

    [Test]
    public async Task Download_OfALinkExpiringSoonerThanTheUrlWould_SignsTheUrlToExpireWithTheLink()
    {
        var link = LinkWith(expiresAt: Build.Now.AddSeconds(90.5));
        _counter.Setup(c => c.TryCountDownloadAsync(link.Id, Build.Now, It.IsAny<CancellationToken>())).ReturnsAsync(1);

        var result = (await DownloadHandler(link).HandleAsync(new DownloadViaLinkCommand(_token, null), CancellationToken.None)).Outcome;

        result.Value.ExpiresAt.ShouldBe(link.ExpiresAt!.Value);
        _storage.Verify(s => s.PresignGetAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), DownloadDisposition.Attachment, link.ExpiresAt!.Value, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Download_OfALinkAboutToExpire_IsNotFoundAndCountsNothing()
    {
        var link = LinkWith(expiresAt: Build.Now.AddSeconds(2));

        var result = (await DownloadHandler(link).HandleAsync(new DownloadViaLinkCommand(_token, null), CancellationToken.None)).Outcome;

        result.Status.ShouldBe(ResultStatus.NotFound);
        _counter.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Download_OfAnUnknownToken_IsNotFound()
    {
        var result = (await DownloadHandler(null).HandleAsync(new DownloadViaLinkCommand(_token, null), CancellationToken.None)).Outcome;

        result.Status.ShouldBe(ResultStatus.NotFound);
        _counter.VerifyNoOtherCalls();
    }

    private ShareLink LinkWith(string? passwordHash = null, int? maxDownloads = null, DateTimeOffset? expiresAt = null) =>
        Build.Link(_asset, LinkTokens.Hash(_token), passwordHash, maxDownloads, expiresAt);

    private static Mock<IReadRepository<Asset>> AssetsFinding(Asset? asset) => Build.Finding<IReadRepository<Asset>, Asset>(asset);

    private GetPublicLinkHandler GetHandler(ShareLink? link, bool assetGone = false)
    {
        _links.Setup(l => l.FirstOrDefaultAsync(It.IsAny<ISpecification<ShareLink>>(), It.IsAny<CancellationToken>())).ReturnsAsync(link);
        return new GetPublicLinkHandler(
            new PublicLinkGate(_links.Object, _secrets.Object, _failures.Object),
            _links.Object,
            AssetsFinding(assetGone ? null : _asset).Object,
            Build.Finding<IReadRepository<Collection>, Collection>(null).Object,
            Mock.Of<IClientAddress>(c => c.Truncated == "203.0.113.0/24"),
            Build.Clock());
    }

    private DownloadViaLinkHandler DownloadHandler(ShareLink? link)
    {
        _links.Setup(l => l.FirstOrDefaultAsync(It.IsAny<ISpecification<ShareLink>>(), It.IsAny<CancellationToken>())).ReturnsAsync(link);
        return new DownloadViaLinkHandler(
            new PublicLinkGate(_links.Object, _secrets.Object, _failures.Object),
            _links.Object, AssetsFinding(_asset).Object, _unitOfWork.Object, _counter.Object, _storage.Object,
            Mock.Of<IClientAddress>(c => c.Truncated == "203.0.113.0/24"),
            new AssetSettings { DownloadUrlTtl = DefaultTtl }, Build.Clock());
    }
}
