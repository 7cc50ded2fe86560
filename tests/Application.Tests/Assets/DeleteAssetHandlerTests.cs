using Ardalis.Result;
using Ardalis.Specification;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets;
using MediaVault.Application.Assets.DeleteAsset;
using MediaVault.Application.Trash;
using MediaVault.Application.Tests.TestSupport;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Owners;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace MediaVault.Application.Tests.Assets;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class DeleteAssetHandlerTests
{
    private readonly Mock<IRepository<Asset>> _assets = new();
    private readonly Mock<IReadRepository<Owner>> _owners = new();
    private readonly Mock<IObjectStorage> _storage = new();
    private readonly Mock<IJobQueue> _jobs = new();
    private readonly List<string> _steps = [];
    private Owner _owner = null!;
    private Asset _asset = null!;

    [SetUp]
    public void SetUp()
    {
        _owner = TestData.AnOwner();
        _owners.Setup(r => r.GetByIdAsync(_owner.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_owner);
        _assets.Setup(r => r.FirstOrDefaultAsync(It.IsAny<ISpecification<Asset>>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => _asset);
        _assets.Setup(r => r.DeleteAsync(It.IsAny<Asset>(), It.IsAny<CancellationToken>())).Callback(() => _steps.Add("delete row")).ReturnsAsync(1);
        _storage.Setup(s => s.DeleteAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback((string key, CancellationToken _) => _steps.Add($"delete {key}")).Returns(Task.CompletedTask);
        _storage.Setup(s => s.AbortMultipartUploadAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback((string key, string _, CancellationToken _) => _steps.Add($"abort {key}")).Returns(Task.CompletedTask);
    }

    [Test]
    public async Task HandleAsync_OfReadyAsset_MovesItToTheTrashWithItsPurgeJobAndTouchesNoObject()
    {
        _asset = TestData.AReadyAsset(_owner);

        var result = await Handler().HandleAsync(new DeleteAssetCommand(_asset.Id.Value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        _asset.IsTrashed.ShouldBeTrue();
        _asset.PurgeAt.ShouldBe(_asset.DeletedAt + new AssetSettings().TrashRetention);
        _steps.ShouldBeEmpty();
        _jobs.Verify(j => j.Enqueue(It.Is<JobRequest>(r => r.Kind == TrashJobs.PurgeKind && r.NotBefore == _asset.PurgeAt)), Times.Once);
        _assets.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task HandleAsync_OfPendingMultipartUpload_AbortsItAtTheStagingKeyThenRemovesBothObjects()
    {
        _asset = TestData.APendingAsset(_owner);
        _asset.UseMultipartUpload("upload-1");

        await Handler().HandleAsync(new DeleteAssetCommand(_asset.Id.Value), CancellationToken.None);

        var staging = StorageKeys.StagingKeyOf(_asset);
        _steps.ShouldBe(["delete row", $"abort {staging}", $"delete {staging}", $"delete {_asset.StorageKey}"]);
    }

    [Test]
    public async Task HandleAsync_WhenTheStoreFailsAfterThePendingUploadIsRemoved_StillSucceeds()
    {
        _asset = TestData.APendingAsset(_owner);
        _storage.Setup(s => s.DeleteAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("store down"));

        var result = await Handler().HandleAsync(new DeleteAssetCommand(_asset.Id.Value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        _assets.Verify(r => r.DeleteAsync(_asset, It.IsAny<CancellationToken>()), Times.Once);
    }

    private DeleteAssetHandler Handler() =>
        new(NoOtherPaths.Instance, _assets.Object, _owners.Object, Build.Ledger().Object, Build.UnitOfWork().Object, _jobs.Object, new AssetSettings(), _storage.Object, TestData.CurrentUser(_owner.Id).Object,
            TestData.Clock(), NullLogger<DeleteAssetHandler>.Instance);
}
