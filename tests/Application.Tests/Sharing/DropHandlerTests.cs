using Ardalis.Result;
using Ardalis.Specification;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets;
using MediaVault.Application.Assets.CompleteUpload;
using MediaVault.Application.Assets.RegisterAsset;
using MediaVault.Application.Sharing;
using MediaVault.Application.Sharing.Drops;
using MediaVault.Application.Tests.TestSupport;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Owners;
using MediaVault.Domain.Sharing;
using MediaVault.Domain.Users;
using Moq;

namespace MediaVault.Application.Tests.Sharing;

/// <summary>Starting and completing a drop through an upload link, with the ports mocked.</summary>
public sealed class DropHandlerTests
{
    private static readonly AssetSettings Settings = new()
    {
        MaxSizeBytes = 4L * 1024 * 1024,
        MultipartThresholdBytes = 2L * 1024 * 1024,
        MultipartPartSizeBytes = 1024 * 1024,
        UploadUrlTtl = TimeSpan.FromMinutes(15),
        DownloadUrlTtl = TimeSpan.FromMinutes(5),
        UploadGracePeriod = TimeSpan.FromHours(1),
    };

    private readonly string _token = LinkTokens.New();
    private readonly string _uploadId = DropUploadIds.New();
    private readonly Owner _owner = Owner.Open(UserId.New(), 10L * 1024 * 1024, Build.Now.AddDays(-1));
    private readonly Collection _collection;
    private readonly ShareLink _link;
    private readonly Mock<IRepository<ShareLink>> _links = new();
    private readonly Mock<IRepository<Asset>> _assets = new();
    private readonly Mock<IObjectStorage> _storage = new();
    private readonly Mock<IStorageLedger> _ledger = Build.Ledger();
    private readonly Mock<IUnitOfWorkTransaction> _transaction = new();
    private readonly Mock<IUnitOfWork> _unitOfWork = new();
    private readonly Mock<IDropUploadClaims> _claims = new();
    private readonly Mock<ILinkDownloadCounter> _counter = new();
    private readonly Mock<IJobQueue> _jobs = new();

    public DropHandlerTests()
    {
        _collection = Collection.Create("Drops", null, _owner.Id, Build.Now.AddDays(-1));
        _link = ShareLink.ForCollection(
            _collection, new Memberships(_owner.Id, new HashSet<Domain.Groups.GroupId>()), LinkKind.Upload, LinkTokens.Hash(_token), null, null,
            new LinkLimits(MaxUploads: 1), Build.Now.AddDays(-1));
        _links.Setup(l => l.FirstOrDefaultAsync(It.IsAny<ISpecification<ShareLink>>(), It.IsAny<CancellationToken>())).ReturnsAsync(_link);
        _unitOfWork.Setup(u => u.BeginTransactionAsync(It.IsAny<CancellationToken>())).ReturnsAsync(_transaction.Object);
        _storage.Setup(s => s.PresignPutAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<long>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string key, string type, long _, DateTimeOffset expiresAt, CancellationToken _) =>
                new PresignedRequest(new Uri($"https://store.example/{key}"), new Dictionary<string, string> { ["Content-Type"] = type }, expiresAt));
    }

    [Test]
    public async Task Start_ThroughAnUploadLink_RegistersAPendingAssetOfTheCollectionOwnerAndAnswersNothingButTheUploadIdAndWhereToPut()
    {
        Asset? added = null;
        _assets.Setup(a => a.AddAsync(It.IsAny<Asset>(), It.IsAny<CancellationToken>())).Callback((Asset a, CancellationToken _) => added = a).ReturnsAsync((Asset a, CancellationToken _) => a);

        var result = (await StartHandler().HandleAsync(new StartDropCommand(_token, "a.png", "image/png", 1000, null), CancellationToken.None)).Outcome;

        result.Status.ShouldBe(ResultStatus.Ok);
        added.ShouldNotBeNull();
        (added.OwnerId, added.Status, added.DropLinkId, added.DropUploadHash).ShouldBe((_owner.Id, AssetStatus.Pending, (LinkId?)_link.Id, DropUploadIds.Hash(result.Value.UploadId)));
        result.Value.Upload.Url!.ToString().ShouldNotContain(added.Id.ToString());
        _ledger.Verify(l => l.TrySaveWithAsync(_owner, It.IsAny<Func<CancellationToken, Task>>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Start_WithAnInvalidDeclaration_IsInvalidNamingTheFieldsAndReservesNothing()
    {
        var result = (await StartHandler().HandleAsync(new StartDropCommand(_token, "", "text/html", 0, null), CancellationToken.None)).Outcome;

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ValidationErrors.Select(e => e.Identifier).Distinct().ShouldBe(["fileName", "contentType", "sizeBytes"], ignoreOrder: true);
        _ledger.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Start_WhenTheFileDoesNotFitTheOwnersQuota_IsAConflictThatNamesNobody()
    {
        var full = (await StartHandler(Owner.Open(_owner.Id, 100, Build.Now)).HandleAsync(new StartDropCommand(_token, "a.png", "image/png", 1000, null), CancellationToken.None)).Outcome;

        full.Status.ShouldBe(ResultStatus.Conflict);
        full.Errors.ShouldBe([DropErrors.QuotaExceeded]);
        _assets.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Start_ThroughAViewLink_IsNotFound()
    {
        var view = ShareLink.ForCollection(
            _collection, new Memberships(_owner.Id, new HashSet<Domain.Groups.GroupId>()), LinkKind.View, LinkTokens.Hash(_token), null, null,
            new LinkLimits(), Build.Now.AddDays(-1));
        _links.Setup(l => l.FirstOrDefaultAsync(It.IsAny<ISpecification<ShareLink>>(), It.IsAny<CancellationToken>())).ReturnsAsync(view);

        var result = (await StartHandler().HandleAsync(new StartDropCommand(_token, "a.png", "image/png", 1000, null), CancellationToken.None)).Outcome;

        result.Status.ShouldBe(ResultStatus.NotFound);
        _assets.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Complete_WhenTheStoreCountsIt_MakesTheAssetReadyInTheCollectionRecordsTheUploadAndCommits()
    {
        var asset = PendingDrop();
        Counting(1);

        var result = (await CompleteHandler(asset).HandleAsync(new CompleteDropCommand(_token, _uploadId, null, null), CancellationToken.None)).Outcome;

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Value.ShouldBe(new CompletedDrop(_uploadId, "ready"));
        asset.Status.ShouldBe(AssetStatus.Ready);
        _collection.Entries.Select(e => e.AssetId).ShouldBe([asset.Id]);
        _link.UploadCount.ShouldBe(1);
        _jobs.Verify(j => j.Enqueue(It.IsAny<JobRequest>()), Times.Once);
        _transaction.Verify(t => t.CommitAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Complete_WhenAnotherUploadTookTheLastSlot_IsNotFoundAndCommitsNothing()
    {
        var asset = PendingDrop();
        Counting(null);

        var result = (await CompleteHandler(asset).HandleAsync(new CompleteDropCommand(_token, _uploadId, null, null), CancellationToken.None)).Outcome;

        result.Status.ShouldBe(ResultStatus.NotFound);
        asset.Status.ShouldBe(AssetStatus.Pending);
        _assets.Verify(a => a.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
        _transaction.Verify(t => t.CommitAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Complete_WhenAnotherCompletionClaimedTheUpload_IsNotFoundAndCountsNothing()
    {
        var asset = PendingDrop();
        _claims.Setup(c => c.TryClaimAsync(asset.Id, DropUploadIds.Hash(_uploadId), Build.Now, It.IsAny<CancellationToken>())).ReturnsAsync(false);

        var result = (await CompleteHandler(asset).HandleAsync(new CompleteDropCommand(_token, _uploadId, null, null), CancellationToken.None)).Outcome;

        result.Status.ShouldBe(ResultStatus.NotFound);
        _counter.VerifyNoOtherCalls();
    }

    [TestCase("malformed")]
    [TestCase("unknown")]
    public async Task Complete_WithAnUploadIdOfNoPendingDropOfTheLink_IsNotFoundAndTouchesNoStore(string uploadId)
    {
        var result = (await CompleteHandler(null).HandleAsync(
            new CompleteDropCommand(_token, uploadId == "malformed" ? "x" : DropUploadIds.New(), null, null), CancellationToken.None)).Outcome;

        result.Status.ShouldBe(ResultStatus.NotFound);
        _storage.VerifyNoOtherCalls();
    }

    private Asset PendingDrop()
    {
        var asset = Asset.Drop(
            _collection, _link, _owner, DropUploadIds.Hash(_uploadId), FileName.Create("a.png"), ContentType.Create("image/png"), 1000, Settings.MaxSizeBytes,
            Build.Now.AddMinutes(10), Build.Now.AddMinutes(-5));
        asset.ClearDomainEvents();
        _storage.Setup(s => s.HeadAsync(StorageKeys.StagingKeyOf(asset), It.IsAny<CancellationToken>())).ReturnsAsync(new StoredObject(1000, "image/png"));
        _storage.Setup(s => s.PromoteAsync(StorageKeys.StagingKeyOf(asset), asset.StorageKey, It.IsAny<StoredObject>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        _claims.Setup(c => c.TryClaimAsync(asset.Id, DropUploadIds.Hash(_uploadId), Build.Now, It.IsAny<CancellationToken>())).ReturnsAsync(true);
        return asset;
    }

    private void Counting(int? count) =>
        _counter.Setup(c => c.TryCountUploadAsync(_link.Id, Build.Now, It.IsAny<CancellationToken>())).ReturnsAsync(count);

    private PublicLinkGate Gate() => new(_links.Object, new Mock<ISecretHasher>().Object, new Mock<ILinkPasswordFailures>().Object);

    private StartDropHandler StartHandler(Owner? owner = null) => new(
        Gate(),
        Build.Finding<IReadRepository<Collection>, Collection>(_collection).Object,
        OwnerRepository(owner ?? _owner).Object,
        new UploadStarter(_assets.Object, _ledger.Object, _storage.Object, Settings),
        Build.Clock());

    private CompleteDropHandler CompleteHandler(Asset? asset)
    {
        _assets.Setup(a => a.FirstOrDefaultAsync(It.IsAny<ISpecification<Asset>>(), It.IsAny<CancellationToken>())).ReturnsAsync(asset);
        return new CompleteDropHandler(
            Gate(),
            _assets.Object,
            Build.Finding<IRepository<Collection>, Collection>(_collection).Object,
            OwnerRepository(_owner).Object,
            new UploadedObjects(_storage.Object),
            _ledger.Object,
            _unitOfWork.Object,
            _claims.Object,
            _counter.Object,
            Mock.Of<IClientAddress>(c => c.Truncated == "192.0.2.0/24"),
            _jobs.Object,
            Build.Clock());
    }

    private static Mock<IReadRepository<Owner>> OwnerRepository(Owner owner)
    {
        var owners = new Mock<IReadRepository<Owner>>();
        owners.Setup(o => o.GetByIdAsync(It.IsAny<UserId>(), It.IsAny<CancellationToken>())).ReturnsAsync(owner);
        return owners;
    }
}
