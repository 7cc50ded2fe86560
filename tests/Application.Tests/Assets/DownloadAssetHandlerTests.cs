using MediaVault.Application.Tests.TestSupport;
using Ardalis.Result;
using Ardalis.Specification;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets.DownloadAsset;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Events;
using MediaVault.Domain.Users;
using Moq;

namespace MediaVault.Application.Tests.Assets;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class DownloadAssetHandlerTests
{
    private readonly Mock<IReadRepository<Asset>> _assets = new();
    private readonly Mock<IActivityLog> _activity = new();
    private readonly Mock<IObjectStorage> _storage = new();
    private Asset _asset = null!;

    [SetUp]
    public void SetUp()
    {
        _asset = TestData.AReadyAsset(TestData.AnOwner());
        _assets.Setup(r => r.FirstOrDefaultAsync(It.IsAny<ISpecification<Asset>>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => _asset);
        _storage.Setup(s => s.PresignGetAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<DownloadDisposition>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Uri("https://store.example/object"));
    }

    [Test]
    public async Task HandleAsync_ByOwner_HandsOutUrlForTheDownloadTtlAndRecordsTheDownload()
    {
        var result = await Handler(_asset.OwnerId).HandleAsync(new DownloadAssetQuery(_asset.Id.Value, "inline"), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Value.ExpiresAt.ShouldBe(TestData.Now + TestData.Settings.DownloadUrlTtl);
        _storage.Verify(s => s.PresignGetAsync(_asset.StorageKey, "photo.png", "image/png", DownloadDisposition.Inline, result.Value.ExpiresAt, It.IsAny<CancellationToken>()), Times.Once);
        _asset.DomainEvents.OfType<AssetDownloaded>().Single().ActorId.ShouldBe(_asset.OwnerId);
        _activity.Verify(a => a.RecordAsync(_asset, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task HandleAsync_UnderGrantExpiringBeforeTheTtl_UrlExpiresWithTheGrant()
    {
        var grantExpiresAt = TestData.Now.AddSeconds(42);
        var viewer = TestData.AGrantee(_asset, AccessRole.Viewer, grantExpiresAt);

        var result = await Handler(viewer).HandleAsync(new DownloadAssetQuery(_asset.Id.Value), CancellationToken.None);

        result.Value.ExpiresAt.ShouldBe(grantExpiresAt);
        _storage.Verify(s => s.PresignGetAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), DownloadDisposition.Attachment, grantExpiresAt, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task HandleAsync_ForPendingAssetByOwner_IsConflictAndRecordsNothing()
    {
        _asset = TestData.APendingAsset(TestData.AnOwner());
        _asset.ClearDomainEvents();

        var result = await Handler(_asset.OwnerId).HandleAsync(new DownloadAssetQuery(_asset.Id.Value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Conflict);
        _asset.DomainEvents.ShouldBeEmpty();
        _activity.VerifyNoOtherCalls();
        _storage.VerifyNoOtherCalls();
    }

    [Test]
    public async Task HandleAsync_ByStrangerOrWithUnknownDisposition_IsNotFoundOrInvalid()
    {
        (await Handler(UserId.New()).HandleAsync(new DownloadAssetQuery(_asset.Id.Value), CancellationToken.None)).Status.ShouldBe(ResultStatus.NotFound);
        (await Handler(_asset.OwnerId).HandleAsync(new DownloadAssetQuery(_asset.Id.Value, "sideways"), CancellationToken.None)).Status.ShouldBe(ResultStatus.Invalid);
        _storage.VerifyNoOtherCalls();
    }

    private DownloadAssetHandler Handler(UserId caller) =>
        new(NoOtherPaths.Instance, _assets.Object, _activity.Object, _storage.Object, TestData.CurrentUser(caller).Object, TestData.Clock(), TestData.Settings);
}
