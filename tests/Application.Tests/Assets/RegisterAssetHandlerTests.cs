using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets;
using MediaVault.Application.Assets.RegisterAsset;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Owners;
using MediaVault.Domain.Users;
using MediaVault.Application.Tests.TestSupport;
using Moq;

namespace MediaVault.Application.Tests.Assets;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class RegisterAssetHandlerTests
{
    private readonly Mock<IRepository<Asset>> _assets = new();
    private readonly Mock<IReadRepository<Owner>> _owners = new();
    private Mock<IStorageLedger> _ledger = Build.Ledger();
    private readonly Mock<IObjectStorage> _storage = new();
    private Owner _owner = null!;

    [SetUp]
    public void SetUp()
    {
        _owner = TestData.AnOwner();
        _owners.Setup(r => r.GetByIdAsync(_owner.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_owner);
        _assets.Setup(r => r.AddAsync(It.IsAny<Asset>(), It.IsAny<CancellationToken>())).ReturnsAsync((Asset a, CancellationToken _) => a);
        _storage.Setup(s => s.PresignPutAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<long>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string key, string type, long _, DateTimeOffset expiresAt, CancellationToken _) =>
                new PresignedRequest(new Uri($"https://store.example/{key}"), new Dictionary<string, string> { ["Content-Type"] = type }, expiresAt));
    }

    [Test]
    public async Task HandleAsync_WhenDeclarationIsValid_ReservesQuotaAndHandsOutAPresignedPut()
    {
        var result = await Handler().HandleAsync(new RegisterAssetCommand("a.png", "image/png", 1000, Tags: ["x"]), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Value.Asset.Status.ShouldBe(AssetStatus.Pending);
        result.Value.Upload.Method.ShouldBe(UploadInstructions.Put);
        result.Value.Upload.Headers["Content-Type"].ShouldBe("image/png");
        result.Value.Upload.ExpiresAt.ShouldBe(TestData.Now + TestData.Settings.UploadUrlTtl);
        _owner.StorageReservedBytes.ShouldBe(1000);
        _assets.Verify(r => r.AddAsync(It.Is<Asset>(a => a.OwnerId == _owner.Id && a.SizeBytes == 1000), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task HandleAsync_AboveMultipartThreshold_StartsMultipartUploadAndPresignsEveryPart()
    {
        var size = (3L * AssetSettings.MinimumPartSizeBytes / 2) + 1;
        var settings = TestData.Settings with { MaxSizeBytes = size, MultipartThresholdBytes = 1000 };
        _storage.Setup(s => s.StartMultipartUploadAsync(It.IsAny<string>(), "video/mp4", It.IsAny<CancellationToken>())).ReturnsAsync("upload-1");
        _storage.Setup(s => s.PresignPartsAsync(It.IsAny<string>(), "upload-1", It.IsAny<IReadOnlyList<long>>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, string _, IReadOnlyList<long> sizes, DateTimeOffset _, CancellationToken _) =>
                [.. sizes.Select((_, i) => new PresignedPart(i + 1, new Uri($"https://store.example/part/{i + 1}")))]);

        var result = await Handler(settings).HandleAsync(new RegisterAssetCommand("a.mp4", "video/mp4", size), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Value.Upload.Method.ShouldBe(UploadInstructions.Multipart);
        result.Value.Upload.PartSizeBytes.ShouldBe(AssetSettings.MinimumPartSizeBytes);
        result.Value.Upload.Parts!.Select(p => p.PartNumber).ShouldBe([1, 2]);
        _storage.Verify(
            s => s.PresignPartsAsync(It.IsAny<string>(), "upload-1", It.Is<IReadOnlyList<long>>(l => l.Sum() == size && l.Count == 2), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()),
            Times.Once);
        _assets.Verify(r => r.AddAsync(It.Is<Asset>(a => a.MultipartUploadId == "upload-1"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task HandleAsync_WhenSavingFailsAfterMultipartStarted_AbortsTheMultipartUpload()
    {
        var settings = TestData.Settings with { MultipartThresholdBytes = 10 };
        _storage.Setup(s => s.StartMultipartUploadAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync("upload-1");
        _storage.Setup(s => s.PresignPartsAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<IReadOnlyList<long>>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([]);
        _assets.Setup(r => r.AddAsync(It.IsAny<Asset>(), It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("lost a race"));

        await Should.ThrowAsync<InvalidOperationException>(() => Handler(settings).HandleAsync(new RegisterAssetCommand("a.mp4", "video/mp4", 1000), CancellationToken.None));

        _storage.Verify(s => s.AbortMultipartUploadAsync(It.IsAny<string>(), "upload-1", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task HandleAsync_WhenSizeDoesNotFitTheQuota_IsConflictQuotaExceededAndReservesNothing()
    {
        _owner = TestData.AnOwner(quota: 999);
        _owners.Setup(r => r.GetByIdAsync(_owner.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_owner);

        var result = await Handler().HandleAsync(new RegisterAssetCommand("a.png", "image/png", 1000), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Conflict);
        result.Errors.ShouldContain(AssetErrors.QuotaExceeded);
        _owner.StorageReservedBytes.ShouldBe(0);
        _assets.Verify(r => r.AddAsync(It.IsAny<Asset>(), It.IsAny<CancellationToken>()), Times.Never);
        _storage.VerifyNoOtherCalls();
    }

    [Test]
    public async Task HandleAsync_WhenCallerHasNoOwnerRecord_IsConflict()
    {
        var stranger = UserId.New();

        var result = await Handler(caller: stranger).HandleAsync(new RegisterAssetCommand("a.png", "image/png", 1000), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Conflict);
        result.Errors.ShouldContain(AssetErrors.NoStorageAccount);
    }

    [TestCase("a.pdf", "application/pdf", 1000L, "contentType")]
    [TestCase("a.png", "image/png", 0L, "sizeBytes")]
    [TestCase("a.png", "image/png", 5L * 1024 * 1024, "sizeBytes")]
    [TestCase("", "image/png", 10L, "fileName")]
    [TestCase("../a.png", "image/png", 10L, "fileName")]
    public async Task HandleAsync_WhenDeclarationIsInvalid_IsInvalidForThatFieldAndReservesNothing(string fileName, string contentType, long size, string field)
    {
        var result = await Handler().HandleAsync(new RegisterAssetCommand(fileName, contentType, size), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ValidationErrors.Select(e => e.Identifier).ShouldContain(field);
        _owner.StorageReservedBytes.ShouldBe(0);
        _assets.Verify(r => r.AddAsync(It.IsAny<Asset>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task HandleAsync_WhenTheStoreRefusesTheReservation_IsQuotaExceededConflictAndAddsNoAsset()
    {
        _ledger = Build.Ledger(applies: false);

        var result = await Handler().HandleAsync(new RegisterAssetCommand("a.png", "image/png", 1000), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Conflict);
        result.Errors.ShouldContain(AssetErrors.QuotaExceeded);
        _assets.Verify(r => r.AddAsync(It.IsAny<Asset>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task HandleAsync_WhenTheReservationFits_HasTheStoreApplyItAtomically()
    {
        await Handler().HandleAsync(new RegisterAssetCommand("a.png", "image/png", 1000), CancellationToken.None);

        _ledger.Verify(l => l.TrySaveWithAsync(_owner, It.IsAny<Func<CancellationToken, Task>>(), It.IsAny<CancellationToken>()), Times.Once);
        _assets.Verify(r => r.AddAsync(It.IsAny<Asset>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    private RegisterAssetHandler Handler(AssetSettings? settings = null, UserId? caller = null) =>
        new(
            new UploadStarter(_assets.Object, _ledger.Object, _storage.Object, settings ?? TestData.Settings),
            _owners.Object,
            TestData.CurrentUser(caller ?? _owner.Id).Object,
            TestData.Clock());
}
