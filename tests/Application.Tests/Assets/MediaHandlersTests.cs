using MediaVault.Application.Tests.TestSupport;
using Ardalis.Result;
using Ardalis.Specification;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets;
using MediaVault.Application.Assets.GetRendition;
using MediaVault.Application.Assets.ProcessMedia;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Media;
using MediaVault.Domain.Users;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace MediaVault.Application.Tests.Assets;

/// <summary>Processing an asset's bytes (<see cref="ProcessMediaHandler"/>) and serving its renditions (<see cref="GetRenditionHandler"/>).</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class MediaHandlersTests
{
    private static readonly Sha256Digest Digest = Sha256Digest.Create(new string('c', 64));

    private readonly Mock<IRepository<Asset>> _assets = new();
    private readonly Mock<IReadRepository<Asset>> _readAssets = new();
    private readonly Mock<IMediaProcessor> _processor = new();
    private readonly Mock<IObjectStorage> _storage = new();
    private Asset? _asset;

    [SetUp]
    public void SetUp()
    {
        _asset = TestData.AReadyAsset(TestData.AnOwner());
        _assets.Setup(r => r.FirstOrDefaultAsync(It.IsAny<ISpecification<Asset>>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => _asset);
        _readAssets.Setup(r => r.FirstOrDefaultAsync(It.IsAny<ISpecification<Asset>>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => _asset);
        _storage.Setup(s => s.PresignGetAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<DownloadDisposition>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Uri("https://store.example/rendition"));
    }

    [Test]
    public async Task Process_WhenRenditionsAreMade_RecordsDigestMediaAndReadyRenditionsAndSaves()
    {
        Processed(new MediaProcessingResult(
            Digest, MediaInfo.Create(800, 600, null, "png"), [new(Rendition.Thumbnail, "image/webp", 256, 192), new(Rendition.Preview, "image/webp", 800, 600)], null));

        var result = await ProcessHandler().HandleAsync(new ProcessMediaCommand(_asset!.Id.Value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        _asset.Sha256.ShouldBe(Digest.Value);
        _asset.Integrity.ShouldBe(AssetIntegrity.Verified);
        _asset.Media.ShouldBe(new MediaInfo(800, 600, null, "png"));
        _asset.Renditions.ShouldAllBe(r => r.Status == RenditionStatus.Ready);
        _processor.Verify(p => p.ProcessAsync(
            It.Is<MediaSource>(s => s.StorageKey == _asset.StorageKey && s.Renditions.Count == 2 && s.Renditions[0].StorageKey == $"renditions/{_asset.Id}/thumbnail"),
            It.IsAny<CancellationToken>()), Times.Once);
        _assets.Verify(r => r.UpdateAsync(_asset, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Process_WhenTheFileCannotBeRead_MarksRenditionsFailedAndReturnsTheReason()
    {
        Processed(new MediaProcessingResult(Digest, null, [], "not a picture"));

        var result = await ProcessHandler().HandleAsync(new ProcessMediaCommand(_asset!.Id.Value), CancellationToken.None);

        result.Value.ShouldBe("not a picture");
        _asset.Renditions.ShouldAllBe(r => r.Status == RenditionStatus.Failed);
        _asset.Media.ShouldBeNull();
    }

    [Test]
    public async Task Process_WhenTheAssetIsGone_RemovesItsRenditionObjectsAndProcessesNothing()
    {
        var id = _asset!.Id;
        _asset = null;

        var result = await ProcessHandler().HandleAsync(new ProcessMediaCommand(id.Value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.NotFound);
        _storage.Verify(s => s.DeleteAsync($"renditions/{id}/thumbnail", It.IsAny<CancellationToken>()), Times.Once);
        _storage.Verify(s => s.DeleteAsync($"renditions/{id}/preview", It.IsAny<CancellationToken>()), Times.Once);
        _processor.VerifyNoOtherCalls();
    }

    [Test]
    public async Task GetRendition_WhenReady_PresignsTheRenditionInlineForTheDownloadTtlCappedByTheGrant()
    {
        _asset!.RecordRenditionReady(Rendition.Preview, "image/webp", 1280, 960, TestData.Now);
        var grantExpiry = TestData.Now.AddMinutes(2);
        var viewer = TestData.AGrantee(_asset, AccessRole.Viewer, grantExpiry);

        var result = await RenditionHandler(viewer).HandleAsync(new GetRenditionQuery(_asset.Id.Value, Rendition.Preview), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Value.ExpiresAt.ShouldBe(grantExpiry);
        _storage.Verify(s => s.PresignGetAsync(
            $"renditions/{_asset.Id}/preview", "photo-preview.webp", "image/webp", DownloadDisposition.Inline, grantExpiry, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task GetRendition_WhenPendingFailedUnknownOrInvisible_IsConflictOrNotFound()
    {
        _asset!.RecordRenditionFailed(Rendition.Preview, TestData.Now);
        var owner = _asset.OwnerId;

        (await RenditionHandler(owner).HandleAsync(new GetRenditionQuery(_asset.Id.Value, Rendition.Thumbnail), CancellationToken.None)).Errors.ShouldContain(AssetErrors.RenditionPending);
        (await RenditionHandler(owner).HandleAsync(new GetRenditionQuery(_asset.Id.Value, Rendition.Preview), CancellationToken.None)).Errors.ShouldContain(AssetErrors.RenditionFailed);
        (await RenditionHandler(owner).HandleAsync(new GetRenditionQuery(_asset.Id.Value, "poster"), CancellationToken.None)).Status.ShouldBe(ResultStatus.NotFound);
        (await RenditionHandler(UserId.New()).HandleAsync(new GetRenditionQuery(_asset.Id.Value, Rendition.Thumbnail), CancellationToken.None)).Status.ShouldBe(ResultStatus.NotFound);
        _storage.VerifyNoOtherCalls();
    }

    private void Processed(MediaProcessingResult result) =>
        _processor.Setup(p => p.ProcessAsync(It.IsAny<MediaSource>(), It.IsAny<CancellationToken>())).ReturnsAsync(result);

    private ProcessMediaHandler ProcessHandler() =>
        new(_assets.Object, _processor.Object, _storage.Object, TestData.Clock(), NullLogger<ProcessMediaHandler>.Instance);

    private GetRenditionHandler RenditionHandler(UserId caller) =>
        new(NoOtherPaths.Instance, _readAssets.Object, _storage.Object, TestData.CurrentUser(caller).Object, TestData.Clock(), TestData.Settings);
}
