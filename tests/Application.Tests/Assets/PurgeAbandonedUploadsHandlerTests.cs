using Ardalis.Specification;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets;
using MediaVault.Application.Assets.PurgeAbandonedUploads;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Owners;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MediaVault.Application.Tests.TestSupport;
using Moq;

namespace MediaVault.Application.Tests.Assets;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class PurgeAbandonedUploadsHandlerTests
{
    private readonly Mock<IAbandonedUploadClaims> _claims = new();
    private readonly Mock<IUploadClaim> _claim = new();
    private readonly Mock<IRepository<Asset>> _assets = new();
    private readonly Mock<IReadRepository<Owner>> _owners = new();
    private readonly Mock<IStorageLedger> _ledger = Build.Ledger();
    private readonly Mock<IObjectStorage> _storage = new();
    private readonly List<string> _steps = [];
    private FakeTimeProvider _clock = null!;
    private Owner _owner = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = TestData.Clock();
        _owner = TestData.AnOwner();
        _owners.Setup(r => r.GetByIdAsync(_owner.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_owner);
        _claims.Setup(c => c.ClaimAsync(It.IsAny<DateTimeOffset>(), It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync(_claim.Object);
        _claim.Setup(c => c.CommitAsync(It.IsAny<CancellationToken>())).Callback(() => _steps.Add("commit")).Returns(Task.CompletedTask);
        _assets.Setup(r => r.DeleteRangeAsync(It.IsAny<IEnumerable<Asset>>(), It.IsAny<CancellationToken>()))
            .Callback(() => _steps.Add("delete rows")).ReturnsAsync(1);
        _storage.Setup(s => s.DeleteAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).Callback(() => _steps.Add("delete object")).Returns(Task.CompletedTask);
        _storage.Setup(s => s.AbortMultipartUploadAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback(() => _steps.Add("abort multipart")).Returns(Task.CompletedTask);
    }

    [Test]
    public async Task HandleAsync_WhenUploadWindowAndGraceHavePassed_ReleasesReservationDeletesRowThenObjectAfterCommit()
    {
        var asset = TestData.APendingAsset(_owner, size: 1000, uploadExpiresAt: TestData.Now.AddMinutes(15));
        asset.UseMultipartUpload("upload-1");
        Claimed(asset);
        _clock.Advance(TimeSpan.FromMinutes(15) + TestData.Settings.UploadGracePeriod);

        var result = await Handler().HandleAsync(new PurgeAbandonedUploadsCommand(), CancellationToken.None);

        result.Value.ShouldBe(1);
        _owner.StorageReservedBytes.ShouldBe(0);
        _steps.ShouldBe(["delete rows", "commit", "abort multipart", "delete object", "delete object"]);
        _assets.Verify(r => r.DeleteRangeAsync(It.Is<IEnumerable<Asset>>(a => a.Single() == asset), It.IsAny<CancellationToken>()), Times.Once);
        _storage.Verify(s => s.AbortMultipartUploadAsync(StorageKeys.StagingKeyOf(asset), "upload-1", It.IsAny<CancellationToken>()), Times.Once);
        _storage.Verify(s => s.DeleteAsync(StorageKeys.StagingKeyOf(asset), It.IsAny<CancellationToken>()), Times.Once);
        _storage.Verify(s => s.DeleteAsync(asset.StorageKey, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task HandleAsync_ClaimsOnlyUploadsWhoseWindowClosedBeforeTheGracePeriod()
    {
        _claim.Setup(c => c.AssetIds).Returns([]);

        await Handler().HandleAsync(new PurgeAbandonedUploadsCommand(BatchSize: 25), CancellationToken.None);

        _claims.Verify(c => c.ClaimAsync(TestData.Now - TestData.Settings.UploadGracePeriod, 25, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task HandleAsync_WhenNothingIsClaimed_TouchesNeitherRowsNorStore()
    {
        _claim.Setup(c => c.AssetIds).Returns([]);

        var result = await Handler().HandleAsync(new PurgeAbandonedUploadsCommand(), CancellationToken.None);

        result.Value.ShouldBe(0);
        _steps.ShouldBeEmpty();
        _storage.VerifyNoOtherCalls();
    }

    [Test]
    public async Task HandleAsync_WhenClaimedAssetCompletedMeanwhile_LeavesItAndItsObjectAlone()
    {
        var asset = TestData.AReadyAsset(_owner, size: 1000);
        Claimed(asset);
        _clock.Advance(TimeSpan.FromDays(1));

        var result = await Handler().HandleAsync(new PurgeAbandonedUploadsCommand(), CancellationToken.None);

        result.Value.ShouldBe(0);
        _owner.StorageUsedBytes.ShouldBe(1000);
        _assets.Verify(r => r.DeleteRangeAsync(It.IsAny<IEnumerable<Asset>>(), It.IsAny<CancellationToken>()), Times.Never);
        _storage.Verify(s => s.DeleteAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task HandleAsync_WhenClaimedUploadIsStillWithinItsGracePeriod_LeavesIt()
    {
        var asset = TestData.APendingAsset(_owner, size: 1000, uploadExpiresAt: TestData.Now.AddMinutes(-1));
        Claimed(asset);

        var result = await Handler().HandleAsync(new PurgeAbandonedUploadsCommand(), CancellationToken.None);

        result.Value.ShouldBe(0);
        _owner.StorageReservedBytes.ShouldBe(1000);
        _storage.Verify(s => s.DeleteAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task HandleAsync_WhenTheStoreFailsAfterTheCommit_StillReportsThePurge()
    {
        var asset = TestData.APendingAsset(_owner, size: 1000, uploadExpiresAt: TestData.Now.AddMinutes(15));
        Claimed(asset);
        _clock.Advance(TimeSpan.FromDays(1));
        _storage.Setup(s => s.DeleteAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("store down"));

        var result = await Handler().HandleAsync(new PurgeAbandonedUploadsCommand(), CancellationToken.None);

        result.Value.ShouldBe(1);
        _claim.Verify(c => c.CommitAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task HandleAsync_WhenSavingFails_NeitherCommitsNorTouchesTheStore()
    {
        var asset = TestData.APendingAsset(_owner, size: 1000, uploadExpiresAt: TestData.Now.AddMinutes(15));
        Claimed(asset);
        _clock.Advance(TimeSpan.FromDays(1));
        _assets.Setup(r => r.DeleteRangeAsync(It.IsAny<IEnumerable<Asset>>(), It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("race"));

        await Should.ThrowAsync<InvalidOperationException>(() => Handler().HandleAsync(new PurgeAbandonedUploadsCommand(), CancellationToken.None));

        _claim.Verify(c => c.CommitAsync(It.IsAny<CancellationToken>()), Times.Never);
        _claim.Verify(c => c.DisposeAsync(), Times.Once);
        _storage.VerifyNoOtherCalls();
    }

    private void Claimed(params Asset[] assets)
    {
        _claim.Setup(c => c.AssetIds).Returns([.. assets.Select(a => a.Id)]);
        _assets.Setup(r => r.ListAsync(It.IsAny<ISpecification<Asset>>(), It.IsAny<CancellationToken>())).ReturnsAsync([.. assets]);
    }

    private PurgeAbandonedUploadsHandler Handler() =>
        new(_claims.Object, _assets.Object, _owners.Object, _ledger.Object, _storage.Object, _clock, TestData.Settings, NullLogger<PurgeAbandonedUploadsHandler>.Instance);
}
