using Ardalis.Result;
using Ardalis.Specification;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets;
using MediaVault.Application.Assets.CompleteUpload;
using MediaVault.Application.Assets.ProcessMedia;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Owners;
using MediaVault.Domain.Users;
using MediaVault.Application.Tests.TestSupport;
using Moq;

namespace MediaVault.Application.Tests.Assets;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class CompleteUploadHandlerTests
{
    private readonly Mock<IRepository<Asset>> _assets = new();
    private readonly Mock<IReadRepository<Owner>> _owners = new();
    private readonly Mock<IStorageLedger> _ledger = Build.Ledger();
    private readonly Mock<IObjectStorage> _storage = new();
    private readonly Mock<IJobQueue> _jobs = new();
    private Owner _owner = null!;
    private Asset _asset = null!;

    [SetUp]
    public void SetUp()
    {
        _owner = TestData.AnOwner();
        _asset = TestData.APendingAsset(_owner, size: 1000);
        _owners.Setup(r => r.GetByIdAsync(_owner.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_owner);
        _assets.Setup(r => r.FirstOrDefaultAsync(It.IsAny<ISpecification<Asset>>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => _asset);
    }

    [Test]
    public async Task HandleAsync_WhenStoredObjectMatches_MakesAssetReadyAndSettlesTheReservation()
    {
        Stored(1000, "image/png");

        var result = await Handler().HandleAsync(new CompleteUploadCommand(_asset.Id.Value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Value.Status.ShouldBe(AssetStatus.Ready);
        _owner.StorageReservedBytes.ShouldBe(0);
        _owner.StorageUsedBytes.ShouldBe(1000);
        _assets.Verify(r => r.UpdateAsync(_asset, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task HandleAsync_WhenStagedObjectMatches_PromotesItToTheStorageKeyBeforeTheDatabaseIsWritten()
    {
        var steps = new List<string>();
        Staged(1000, "image/png");
        _storage.Setup(s => s.PromoteAsync(StagingKey, _asset.StorageKey, It.IsAny<StoredObject>(), It.IsAny<CancellationToken>()))
            .Callback(() => steps.Add("promote")).ReturnsAsync(true);
        _assets.Setup(r => r.UpdateAsync(_asset, It.IsAny<CancellationToken>())).Callback(() => steps.Add("update")).ReturnsAsync(1);

        var result = await Handler().HandleAsync(new CompleteUploadCommand(_asset.Id.Value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        steps.ShouldBe(["promote", "update"]);
        StagingKey.ShouldNotBe(_asset.StorageKey);
    }

    [Test]
    public async Task HandleAsync_WhenRetriedAfterAPromoteWhoseDatabaseWriteFailed_CompletesFromTheFinalObject()
    {
        Final(1000, "image/png");

        var result = await Handler().HandleAsync(new CompleteUploadCommand(_asset.Id.Value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Value.Status.ShouldBe(AssetStatus.Ready);
        _storage.Verify(s => s.PromoteAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<StoredObject>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task HandleAsync_WhenAConcurrentCompletePromotedTheStagedObjectFirst_CompletesFromTheFinalObject()
    {
        Staged(1000, "image/png");
        Final(1000, "image/png");
        _storage.Setup(s => s.PromoteAsync(StagingKey, _asset.StorageKey, It.IsAny<StoredObject>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);

        var result = await Handler().HandleAsync(new CompleteUploadCommand(_asset.Id.Value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        _storage.Verify(s => s.HeadAsync(_asset.StorageKey, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task HandleAsync_WhenStagedObjectDiffersFromDeclaration_IsConflictAndNothingIsPromoted()
    {
        Staged(2000, "image/png");

        var result = await Handler().HandleAsync(new CompleteUploadCommand(_asset.Id.Value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Conflict);
        result.Errors.ShouldContain(AssetErrors.StoredObjectMismatch);
        _storage.Verify(s => s.PromoteAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<StoredObject>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task HandleAsync_WhenStoredObjectMatches_EnqueuesMediaProcessingOnceForTheAsset()
    {
        Stored(1000, "image/png");

        await Handler().HandleAsync(new CompleteUploadCommand(_asset.Id.Value), CancellationToken.None);

        _jobs.Verify(
            q => q.Enqueue(It.Is<JobRequest>(j => j.Kind == MediaJobs.ProcessKind && j.DedupeKey == _asset.Id.Value.ToString())),
            Times.Once);
    }

    [Test]
    public async Task HandleAsync_WhenNothingWasUploaded_EnqueuesNothing()
    {
        await Handler().HandleAsync(new CompleteUploadCommand(_asset.Id.Value), CancellationToken.None);

        _jobs.Verify(q => q.Enqueue(It.IsAny<JobRequest>()), Times.Never);
    }

    [Test]
    public async Task HandleAsync_WhenNothingWasUploaded_IsConflictAndAssetStaysPendingWithItsReservation()
    {
        var result = await Handler().HandleAsync(new CompleteUploadCommand(_asset.Id.Value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Conflict);
        result.Errors.ShouldContain(AssetErrors.NotUploaded);
        _asset.Status.ShouldBe(AssetStatus.Pending);
        _owner.StorageReservedBytes.ShouldBe(1000);
        _assets.Verify(r => r.UpdateAsync(It.IsAny<Asset>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [TestCase(999L, "image/png")]
    [TestCase(1000L, "image/gif")]
    [TestCase(1000L, null)]
    public async Task HandleAsync_WhenStoredObjectDiffersFromDeclaration_IsConflictAndAssetStaysPending(long size, string? contentType)
    {
        Stored(size, contentType);

        var result = await Handler().HandleAsync(new CompleteUploadCommand(_asset.Id.Value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Conflict);
        result.Errors.ShouldContain(AssetErrors.StoredObjectMismatch);
        _asset.Status.ShouldBe(AssetStatus.Pending);
        _owner.StorageReservedBytes.ShouldBe(1000);
    }

    [Test]
    public async Task HandleAsync_WhenAssetIsAlreadyReady_AnswersItWithoutTouchingStoreOrQuota()
    {
        _asset = TestData.AReadyAsset(_owner, size: 1000);

        var result = await Handler().HandleAsync(new CompleteUploadCommand(_asset.Id.Value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        _owner.StorageUsedBytes.ShouldBe(1000);
        _storage.VerifyNoOtherCalls();
        _assets.Verify(r => r.UpdateAsync(It.IsAny<Asset>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task HandleAsync_ForMultipartUpload_CompletesThePartsInOrderAtTheStagingKeyBeforeCheckingTheObject()
    {
        _asset.UseMultipartUpload("upload-1");
        _storage.Setup(s => s.CompleteMultipartUploadAsync(StagingKey, "upload-1", It.IsAny<IReadOnlyList<UploadedPart>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(true);
        Stored(1000, "image/png");

        var result = await Handler().HandleAsync(
            new CompleteUploadCommand(_asset.Id.Value, [new CompletedPartInput(2, "\"b\""), new CompletedPartInput(1, "\"a\"")]), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        _storage.Verify(
            s => s.CompleteMultipartUploadAsync(
                StagingKey, "upload-1", It.Is<IReadOnlyList<UploadedPart>>(p => p.Count == 2 && p[0].PartNumber == 1 && p[1].PartNumber == 2), It.IsAny<CancellationToken>()),
            Times.Once);
    }

    [Test]
    public async Task HandleAsync_ForMultipartUploadWithoutParts_IsInvalid()
    {
        _asset.UseMultipartUpload("upload-1");

        var result = await Handler().HandleAsync(new CompleteUploadCommand(_asset.Id.Value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ValidationErrors.Select(e => e.Identifier).ShouldContain("parts");
    }

    [Test]
    public async Task HandleAsync_ByGranteeOfReadyAsset_IsForbiddenAndByStranger_IsNotFound()
    {
        _asset = TestData.AReadyAsset(_owner);
        var manager = TestData.AGrantee(_asset, AccessRole.Manager);

        (await Handler(manager).HandleAsync(new CompleteUploadCommand(_asset.Id.Value), CancellationToken.None)).Status.ShouldBe(ResultStatus.Forbidden);
        (await Handler(UserId.New()).HandleAsync(new CompleteUploadCommand(_asset.Id.Value), CancellationToken.None)).Status.ShouldBe(ResultStatus.NotFound);
    }

    private string StagingKey => StorageKeys.StagingKeyOf(_asset);

    /// <summary>The client uploaded this to the staging key, and promoting it succeeds.</summary>
    private void Stored(long size, string? contentType)
    {
        Staged(size, contentType);
        _storage.Setup(s => s.PromoteAsync(StagingKey, _asset.StorageKey, It.IsAny<StoredObject>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
    }

    private void Staged(long size, string? contentType) =>
        _storage.Setup(s => s.HeadAsync(StagingKey, It.IsAny<CancellationToken>())).ReturnsAsync(new StoredObject(size, contentType));

    private void Final(long size, string? contentType) =>
        _storage.Setup(s => s.HeadAsync(_asset.StorageKey, It.IsAny<CancellationToken>())).ReturnsAsync(new StoredObject(size, contentType));

    private CompleteUploadHandler Handler(UserId? caller = null) =>
        new(NoOtherPaths.Instance, _assets.Object, _owners.Object, _ledger.Object, Build.UnitOfWork().Object, new UploadedObjects(_storage.Object), TestData.CurrentUser(caller ?? _owner.Id).Object, TestData.Clock(), _jobs.Object);
}
