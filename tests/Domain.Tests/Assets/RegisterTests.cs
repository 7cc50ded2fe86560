using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Events;
using MediaVault.Domain.Assets.Rules;
using MediaVault.Domain.Common;
using MediaVault.Domain.Owners;
using MediaVault.Domain.Owners.Rules;
using MediaVault.Domain.Tests.TestSupport;
using MediaVault.Domain.Users;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;

namespace MediaVault.Domain.Tests.Assets;

public sealed class RegisterTests
{
    private static readonly DateTimeOffset Now = Given.Now;

    [Test]
    public void Register_WhenDeclarationIsValid_CreatesPendingAssetOfItsOwner()
    {
        var owner = Given.AnOwner();

        var asset = Register(owner);

        asset.Status.ShouldBe(AssetStatus.Pending);
        asset.OwnerId.ShouldBe(owner.Id);
        asset.SizeBytes.ShouldBe(Given.SizeBytes);
        asset.CreatedAt.ShouldBe(Now);
        asset.UpdatedAt.ShouldBe(Now);
        asset.UploadExpiresAt.ShouldBe(Now + Given.UploadWindow);
        asset.Grants.ShouldBeEmpty();
    }

    [Test]
    public void Register_WhenDeclarationIsValid_ReservesDeclaredSizeOnOwnersQuota()
    {
        var owner = Given.AnOwner();
        var availableBefore = owner.StorageAvailableBytes;

        Register(owner, sizeBytes: 4096);

        owner.StorageReservedBytes.ShouldBe(4096);
        owner.StorageUsedBytes.ShouldBe(0);
        owner.StorageAvailableBytes.ShouldBe(availableBefore - 4096);
    }

    [Test]
    public void Register_WhenDeclarationIsValid_RaisesAssetRegistered()
    {
        var owner = Given.AnOwner();

        var asset = Register(owner, sizeBytes: 2048);

        var registered = AssertRaised<AssetRegistered>(asset);
        registered.AssetId.ShouldBe(asset.Id);
        registered.ActorId.ShouldBe(owner.Id);
        registered.FileName.ShouldBe(Given.FileNameValue);
        registered.ContentType.ShouldBe(Given.ContentTypeValue);
        registered.SizeBytes.ShouldBe(2048);
        registered.OccurredAt.ShouldBe(Now);
    }

    [TestCase("image/jpeg", MediaKind.Image)]
    [TestCase("video/mp4", MediaKind.Video)]
    [TestCase("audio/mpeg", MediaKind.Audio)]
    public void Register_WhenContentTypeIsGiven_TakesKindFromIt(string contentType, MediaKind expectedKind)
    {
        var asset = Register(Given.AnOwner(), contentType: contentType);

        asset.Kind.ShouldBe(expectedKind);
    }

    [Test]
    public void Register_WhenTwoAssetsAreRegistered_GivesEachItsOwnStorageKeyUnderItsOwner()
    {
        var owner = Given.AnOwner();

        var first = Register(owner);
        var second = Register(owner);

        first.StorageKey.ShouldNotBe(second.StorageKey);
        first.StorageKey.ShouldContain(owner.Id.ToString());
        first.StorageKey.ShouldContain(first.Id.ToString());
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Register_WhenTitleIsMissing_UsesFileNameAsTitle(string? title)
    {
        var asset = Register(Given.AnOwner(), title: title);

        asset.Title.ShouldBe(Given.FileNameValue);
    }

    [Test]
    public void Register_WhenFileNameIsLongerThanTitleLimit_CutsDefaultTitleToLimit()
    {
        var longName = new string('a', FileName.MaxLength - 4) + ".png";

        var asset = Register(Given.AnOwner(), fileName: longName);

        asset.Title.Length.ShouldBe(AssetDetails.TitleMaxLength);
        longName.ShouldStartWith(asset.Title);
    }

    [Test]
    public void Register_WhenTitleAndDescriptionHaveSurroundingSpaces_TrimsThem()
    {
        var asset = Register(Given.AnOwner(), title: "  Beach  ", description: "  At dawn  ");

        asset.Title.ShouldBe("Beach");
        asset.Description.ShouldBe("At dawn");
    }

    [TestCase(null)]
    [TestCase("   ")]
    public void Register_WhenDescriptionIsBlank_StoresNoDescription(string? description)
    {
        var asset = Register(Given.AnOwner(), description: description);

        asset.Description.ShouldBeNull();
    }

    [Test]
    public void Register_WhenSizeEqualsMaximum_AcceptsIt()
    {
        var owner = Given.AnOwner(quotaBytes: Given.MaxSizeBytes);

        var asset = Register(owner, sizeBytes: Given.MaxSizeBytes);

        asset.SizeBytes.ShouldBe(Given.MaxSizeBytes);
        owner.StorageAvailableBytes.ShouldBe(0);
    }

    [TestCase(0L)]
    [TestCase(-1L)]
    public void Register_WhenSizeIsNotPositive_BreaksAssetSizeMustBeWithinLimitRule(long sizeBytes)
    {
        var owner = Given.AnOwner();

        AssertBrokenRule<AssetSizeMustBeWithinLimit>(() => Register(owner, sizeBytes: sizeBytes));
    }

    [Test]
    public void Register_WhenSizeExceedsMaximum_BreaksAssetSizeMustBeWithinLimitRule()
    {
        var owner = Given.AnOwner(quotaBytes: 2 * Given.MaxSizeBytes);

        AssertBrokenRule<AssetSizeMustBeWithinLimit>(() => Register(owner, sizeBytes: Given.MaxSizeBytes + 1));
    }

    [Test]
    public void Register_WhenSizeExceedsAvailableQuota_BreaksStorageQuotaMustNotBeExceededRule()
    {
        var owner = Given.AnOwner(quotaBytes: 1000);
        Register(owner, sizeBytes: 600);

        AssertBrokenRule<StorageQuotaMustNotBeExceeded>(() => Register(owner, sizeBytes: 401));
    }

    [Test]
    public void Register_WhenARuleIsBroken_ReservesNothing()
    {
        var owner = Given.AnOwner();
        var tooManyTags = Enumerable.Range(0, Tag.MaxPerAsset + 1).Select(i => Tag.Create($"tag{i}")).ToList();

        Should.Throw<BusinessRuleViolationException>(() => Register(owner, tags: tooManyTags));

        owner.StorageReservedBytes.ShouldBe(0);
        owner.StorageAvailableBytes.ShouldBe(owner.StorageQuotaBytes);
    }

    [Test]
    public void Register_WhenTagsRepeat_KeepsEachTagOnce()
    {
        var tags = new[] { Tag.Create("beach"), Tag.Create("Beach"), Tag.Create("sunset") };

        var asset = Register(Given.AnOwner(), tags: tags);

        asset.Tags.ShouldBe(tags.Distinct(), ignoreOrder: true);
        asset.Tags.Count.ShouldBe(2);
    }

    [Test]
    public void Register_WhenTagCountIsAtLimit_AcceptsThem()
    {
        var tags = Enumerable.Range(0, Tag.MaxPerAsset).Select(i => Tag.Create($"tag{i}")).ToList();

        var asset = Register(Given.AnOwner(), tags: tags);

        asset.Tags.Count.ShouldBe(Tag.MaxPerAsset);
    }

    [Test]
    public void Register_WhenMoreTagsThanAllowed_BreaksTagsPerAssetMustBeLimitedRule()
    {
        var owner = Given.AnOwner();
        var tags = Enumerable.Range(0, Tag.MaxPerAsset + 1).Select(i => Tag.Create($"tag{i}")).ToList();

        AssertBrokenRule<TagsPerAssetMustBeLimited>(() => Register(owner, tags: tags));
    }

    [Test]
    public void Register_WhenAssetIsNew_IsSeenByItsOwnerOnly()
    {
        var owner = Given.AnOwner();

        var asset = Register(owner);

        AccessPolicy.Evaluate(asset, owner.Id, Now).CanView.ShouldBeTrue();
        AccessPolicy.Evaluate(asset, UserId.New(), Now).ShouldBe(Capabilities.None);
    }

    private static Asset Register(
        Owner owner,
        long sizeBytes = Given.SizeBytes,
        string contentType = Given.ContentTypeValue,
        string fileName = Given.FileNameValue,
        string? title = null,
        string? description = null,
        IEnumerable<Tag>? tags = null) =>
        Asset.Register(
            owner,
            FileName.Create(fileName),
            ContentType.Create(contentType),
            sizeBytes,
            Given.MaxSizeBytes,
            sha256: null,
            title,
            description,
            tags ?? [],
            Now + Given.UploadWindow,
            Now);
}
