using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets;
using MediaVault.Application.Assets.ReconcileStorage;
using MediaVault.Application.Assets.Specifications;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Owners;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace MediaVault.Application.Tests.Assets;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ReconcileStorageHandlerTests
{
    private static readonly DateTimeOffset Old = TestData.Now - TestData.Settings.UploadUrlTtl - TestData.Settings.UploadGracePeriod - TimeSpan.FromSeconds(1);
    private static readonly DateTimeOffset Recent = TestData.Now.AddMinutes(-1);

    private readonly Mock<IReadRepository<Asset>> _assets = new();
    private readonly Mock<IObjectStorage> _storage = new();
    private readonly List<Asset> _rows = [];
    private readonly List<ListedObject> _objects = [];
    private Owner _owner = null!;

    [SetUp]
    public void SetUp()
    {
        _owner = TestData.AnOwner();
        _assets.Setup(r => r.ListAsync(It.IsAny<AssetStorageStateByIdsSpec>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => [.. _rows.Select(State)]);
        _assets.Setup(r => r.ListAsync(It.IsAny<ReadyAssetStorageStatePageSpec>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => [.. _rows.Where(a => a.Status == AssetStatus.Ready).Select(State)]);
        _storage.Setup(s => s.ListAsync(It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string prefix, string? _, int _, CancellationToken _) => new ObjectListing([.. _objects.Where(o => o.Key.StartsWith(prefix, StringComparison.Ordinal))], null));
    }

    [Test]
    public async Task HandleAsync_WhenStagingObjectOfReadyAssetIsOlderThanTheUploadWindow_RemovesIt()
    {
        var ready = Row(TestData.AReadyAsset(_owner));
        Object(ready.StorageKey, Recent);
        Object(StorageKeys.StagingKeyOf(ready), Old);

        var report = (await Handler().HandleAsync(new ReconcileStorageCommand(), CancellationToken.None)).Value;

        report.ShouldBe(new ReconciliationReport(ObjectsScanned: 2, OrphanedObjects: 1, OrphansRemoved: 1, MissingObjects: 0));
        _storage.Verify(s => s.DeleteAsync(StorageKeys.StagingKeyOf(ready), It.IsAny<CancellationToken>()), Times.Once);
        _storage.Verify(s => s.DeleteAsync(ready.StorageKey, It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task HandleAsync_WhenOrphanIsYoungerThanTheUploadWindow_ReportsButKeepsIt()
    {
        var ready = Row(TestData.AReadyAsset(_owner));
        Object(ready.StorageKey, Old);
        Object(StorageKeys.StagingKeyOf(ready), Recent);

        var report = (await Handler().HandleAsync(new ReconcileStorageCommand(), CancellationToken.None)).Value;

        report.OrphanedObjects.ShouldBe(1);
        report.OrphansRemoved.ShouldBe(0);
        _storage.Verify(s => s.DeleteAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task HandleAsync_WhenObjectsBelongToPendingAssets_KeepsStagingAndPromotedObjects()
    {
        var pending = Row(TestData.APendingAsset(_owner));
        Object(StorageKeys.StagingKeyOf(pending), Old);
        Object(pending.StorageKey, Old);

        var report = (await Handler().HandleAsync(new ReconcileStorageCommand(), CancellationToken.None)).Value;

        report.OrphanedObjects.ShouldBe(0);
        _storage.Verify(s => s.DeleteAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task HandleAsync_WhenObjectsHaveNoRow_RemovesTheOldOnes()
    {
        var gone = TestData.AReadyAsset(_owner);
        Object(gone.StorageKey, Old);
        Object(StorageKeys.StagingKeyOf(gone), Old);
        Object("assets/not-an-asset", Old);

        var report = (await Handler().HandleAsync(new ReconcileStorageCommand(), CancellationToken.None)).Value;

        report.OrphansRemoved.ShouldBe(3);
    }

    [Test]
    public async Task HandleAsync_WhenReadyAssetHasNoObject_ReportsItAsMissingWithoutActing()
    {
        Row(TestData.AReadyAsset(_owner));

        var report = (await Handler().HandleAsync(new ReconcileStorageCommand(), CancellationToken.None)).Value;

        report.MissingObjects.ShouldBe(1);
        _storage.Verify(s => s.DeleteAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task HandleAsync_FollowsTheListingPageByPageThroughBothPrefixes()
    {
        _storage.Setup(s => s.ListAsync(StorageKeys.FinalPrefix, null, 2, It.IsAny<CancellationToken>())).ReturnsAsync(new ObjectListing([], "next"));
        _storage.Setup(s => s.ListAsync(StorageKeys.FinalPrefix, "next", 2, It.IsAny<CancellationToken>())).ReturnsAsync(new ObjectListing([], null));

        await Handler().HandleAsync(new ReconcileStorageCommand(PageSize: 2), CancellationToken.None);

        _storage.Verify(s => s.ListAsync(StorageKeys.FinalPrefix, "next", 2, It.IsAny<CancellationToken>()), Times.Once);
        _storage.Verify(s => s.ListAsync(StorageKeys.StagingPrefix, null, 2, It.IsAny<CancellationToken>()), Times.Once);
    }

    private static AssetStorageState State(Asset a) => new(a.Id, a.OwnerId, a.StorageKey, a.Status, a.UpdatedAt);

    private Asset Row(Asset asset)
    {
        _rows.Add(asset);
        return asset;
    }

    private void Object(string key, DateTimeOffset lastModified) => _objects.Add(new ListedObject(key, 1000, lastModified));

    /// <summary>A minute after <see cref="TestData.Now"/>, when every row was last changed.</summary>
    private ReconcileStorageHandler Handler()
    {
        var clock = TestData.Clock();
        clock.Advance(TimeSpan.FromMinutes(1));
        return new(_assets.Object, _storage.Object, clock, TestData.Settings, NullLogger<ReconcileStorageHandler>.Instance);
    }
}
