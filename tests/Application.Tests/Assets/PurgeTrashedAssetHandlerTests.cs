using Ardalis.Specification;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets;
using MediaVault.Application.Tests.TestSupport;
using MediaVault.Application.Trash;
using MediaVault.Application.Trash.PurgeTrashedAsset;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Owners;
using Moq;

namespace MediaVault.Application.Tests.Assets;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class PurgeTrashedAssetHandlerTests
{
    private readonly Mock<IRepository<Asset>> _assets = new();
    private readonly Mock<IReadRepository<Owner>> _owners = new();
    private readonly Mock<IObjectStorage> _storage = new();
    private readonly List<string> _steps = [];
    private Owner _owner = null!;
    private Asset _asset = null!;

    [SetUp]
    public void SetUp()
    {
        _owner = TestData.AnOwner();
        _asset = TestData.AReadyAsset(_owner);
        _owners.Setup(r => r.GetByIdAsync(_owner.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_owner);
        _assets.Setup(r => r.FirstOrDefaultAsync(It.IsAny<ISpecification<Asset>>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => _asset);
        _assets.Setup(r => r.SaveChangesAsync(It.IsAny<CancellationToken>())).Callback(() => _steps.Add("save start")).ReturnsAsync(1);
        _assets.Setup(r => r.DeleteAsync(It.IsAny<Asset>(), It.IsAny<CancellationToken>())).Callback(() => _steps.Add("delete row")).ReturnsAsync(1);
        _storage.Setup(s => s.DeleteAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback((string key, CancellationToken _) => _steps.Add($"delete {key}")).Returns(Task.CompletedTask);
    }

    [Test]
    public async Task HandleAsync_WhenThePurgeIsDue_SavesItsStartRemovesTheObjectsThenTheRowAndReleasesTheBytes()
    {
        Trash(retention: TimeSpan.Zero);

        var purged = await Handler().HandleAsync(new PurgeTrashedAssetCommand(_asset.Id.Value, null), CancellationToken.None);

        purged.ShouldBeTrue();
        _steps.First().ShouldBe("save start");
        _steps.Last().ShouldBe("delete row");
        _steps.ShouldContain($"delete {_asset.StorageKey}");
        _steps.ShouldContain($"delete {StorageKeys.StagingKeyOf(_asset)}");
        _owner.StorageUsedBytes.ShouldBe(0);
    }

    [Test]
    public async Task HandleAsync_WhenTheStoreFails_ThrowsAndKeepsTheRow()
    {
        Trash(retention: TimeSpan.Zero);
        _storage.Setup(s => s.DeleteAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("store down"));

        await Should.ThrowAsync<IOException>(() => Handler().HandleAsync(new PurgeTrashedAssetCommand(_asset.Id.Value, null), CancellationToken.None));

        _assets.Verify(r => r.DeleteAsync(It.IsAny<Asset>(), It.IsAny<CancellationToken>()), Times.Never);
        _owner.StorageUsedBytes.ShouldBe(_asset.SizeBytes);
    }

    [Test]
    public async Task HandleAsync_WhenNotDueRestoredOrGone_DoesNothing()
    {
        Trash(retention: TimeSpan.FromDays(30));
        var notDue = await Handler().HandleAsync(new PurgeTrashedAssetCommand(_asset.Id.Value, null), CancellationToken.None);
        _asset = TestData.AReadyAsset(_owner);
        var notTrashed = await Handler().HandleAsync(new PurgeTrashedAssetCommand(_asset.Id.Value, null), CancellationToken.None);
        _asset = null!;
        var gone = await Handler().HandleAsync(new PurgeTrashedAssetCommand(Guid.NewGuid(), null), CancellationToken.None);

        (notDue || notTrashed || gone).ShouldBeFalse();
        _steps.ShouldBeEmpty();
    }

    private void Trash(TimeSpan retention) =>
        _asset.Delete(_owner, AccessPolicy.Evaluate(_asset, _owner.Id, TestData.Now), retention, TestData.Now.AddMinutes(-1));

    private PurgeTrashedAssetHandler Handler() =>
        new(_assets.Object, _owners.Object, Build.Ledger().Object, Build.UnitOfWork().Object, _storage.Object, TestData.Clock());
}
