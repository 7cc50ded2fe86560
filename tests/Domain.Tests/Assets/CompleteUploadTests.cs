using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Events;
using MediaVault.Domain.Assets.Rules;
using MediaVault.Domain.Common;
using MediaVault.Domain.Tests.TestSupport;
using MediaVault.Domain.Users;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;

namespace MediaVault.Domain.Tests.Assets;

public sealed class CompleteUploadTests
{
    private static readonly DateTimeOffset Now = Given.Now;
    private static readonly DateTimeOffset Later = Given.Now.AddMinutes(5);

    [Test]
    public void CompleteUpload_WhenStoredObjectMatchesDeclaration_MakesAssetReady()
    {
        var owner = Given.AnOwner();
        var asset = Given.APendingAsset(owner);

        var completed = asset.CompleteUpload(owner, Given.OwnerCapabilities(asset), Given.SizeBytes, Given.ContentTypeValue, Later);

        completed.ShouldBeTrue();
        asset.Status.ShouldBe(AssetStatus.Ready);
        asset.UpdatedAt.ShouldBe(Later);
    }

    [Test]
    public void CompleteUpload_WhenStoredObjectMatchesDeclaration_TurnsReservationIntoUsage()
    {
        var owner = Given.AnOwner();
        var asset = Given.APendingAsset(owner);
        var availableBefore = owner.StorageAvailableBytes;

        asset.CompleteUpload(owner, Given.OwnerCapabilities(asset), Given.SizeBytes, Given.ContentTypeValue, Later);

        owner.StorageReservedBytes.ShouldBe(0);
        owner.StorageUsedBytes.ShouldBe(Given.SizeBytes);
        owner.StorageAvailableBytes.ShouldBe(availableBefore);
    }

    [Test]
    public void CompleteUpload_WhenStoredObjectMatchesDeclaration_RaisesAssetUploaded()
    {
        var owner = Given.AnOwner();
        var asset = Given.APendingAsset(owner);

        asset.CompleteUpload(owner, Given.OwnerCapabilities(asset), Given.SizeBytes, Given.ContentTypeValue, Later);

        var uploaded = AssertRaised<AssetUploaded>(asset);
        uploaded.AssetId.ShouldBe(asset.Id);
        uploaded.ActorId.ShouldBe(owner.Id);
        uploaded.SizeBytes.ShouldBe(Given.SizeBytes);
        uploaded.OccurredAt.ShouldBe(Later);
    }

    [TestCase(" IMAGE/PNG ")]
    [TestCase("Image/Png")]
    public void CompleteUpload_WhenStoredContentTypeDiffersOnlyInCaseOrSpaces_AcceptsIt(string storedContentType)
    {
        var owner = Given.AnOwner();
        var asset = Given.APendingAsset(owner);

        asset.CompleteUpload(owner, Given.OwnerCapabilities(asset), Given.SizeBytes, storedContentType, Later);

        asset.Status.ShouldBe(AssetStatus.Ready);
    }

    [TestCase(-1L)]
    [TestCase(1L)]
    public void CompleteUpload_WhenStoredSizeDiffers_BreaksStoredObjectMustMatchDeclarationRule(long difference)
    {
        var owner = Given.AnOwner();
        var asset = Given.APendingAsset(owner);

        AssertBrokenRule<StoredObjectMustMatchDeclaration>(
            () => asset.CompleteUpload(owner, Given.OwnerCapabilities(asset), Given.SizeBytes + difference, Given.ContentTypeValue, Later));
    }

    [TestCase("image/jpeg")]
    [TestCase("application/octet-stream")]
    [TestCase(null)]
    public void CompleteUpload_WhenStoredContentTypeDiffers_BreaksStoredObjectMustMatchDeclarationRule(string? storedContentType)
    {
        var owner = Given.AnOwner();
        var asset = Given.APendingAsset(owner);

        AssertBrokenRule<StoredObjectMustMatchDeclaration>(
            () => asset.CompleteUpload(owner, Given.OwnerCapabilities(asset), Given.SizeBytes, storedContentType, Later));
    }

    [Test]
    public void CompleteUpload_WhenStoredObjectDoesNotMatch_LeavesAssetPendingAndQuotaReserved()
    {
        var owner = Given.AnOwner();
        var asset = Given.APendingAsset(owner);
        asset.ClearDomainEvents();

        Should.Throw<BusinessRuleViolationException>(
            () => asset.CompleteUpload(owner, Given.OwnerCapabilities(asset), Given.SizeBytes - 1, Given.ContentTypeValue, Later));

        asset.Status.ShouldBe(AssetStatus.Pending);
        owner.StorageReservedBytes.ShouldBe(Given.SizeBytes);
        owner.StorageUsedBytes.ShouldBe(0);
        AssertNothingRaised(asset);
    }

    [Test]
    public void CompleteUpload_WhenCallerIsStranger_BreaksOnlyOwnerCanCompleteUploadRule()
    {
        var owner = Given.AnOwner();
        var asset = Given.APendingAsset(owner);
        var stranger = Given.CapabilitiesOf(asset, UserId.New());

        AssertBrokenRule<OnlyOwnerCanCompleteUpload>(
            () => asset.CompleteUpload(owner, stranger, Given.SizeBytes, Given.ContentTypeValue, Later));
    }

    [TestCase(AccessRole.Manager)]
    [TestCase(AccessRole.Editor)]
    [TestCase(AccessRole.Viewer)]
    public void CompleteUpload_WhenCallerIsGrantee_BreaksOnlyOwnerCanCompleteUploadRule(AccessRole role)
    {
        var owner = Given.AnOwner();
        var asset = Given.AReadyAsset(owner);
        var grantee = Given.CapabilitiesOf(asset, Given.AGrantee(asset, role));

        AssertBrokenRule<OnlyOwnerCanCompleteUpload>(
            () => asset.CompleteUpload(owner, grantee, Given.SizeBytes, Given.ContentTypeValue, Later));
    }

    [Test]
    public void CompleteUpload_WhenAssetIsAlreadyReady_ChangesNothingAndReturnsFalse()
    {
        var owner = Given.AnOwner();
        var asset = Given.AReadyAsset(owner);
        var updatedAt = asset.UpdatedAt;
        var usedBefore = owner.StorageUsedBytes;

        var completed = asset.CompleteUpload(owner, Given.OwnerCapabilities(asset), Given.SizeBytes, Given.ContentTypeValue, Later);

        completed.ShouldBeFalse();
        asset.Status.ShouldBe(AssetStatus.Ready);
        asset.UpdatedAt.ShouldBe(updatedAt);
        owner.StorageUsedBytes.ShouldBe(usedBefore);
        owner.StorageReservedBytes.ShouldBe(0);
        AssertNothingRaised(asset);
    }

    [Test]
    public void CompleteUpload_WhenRepeatedAfterSuccess_NeverCountsTheBytesTwice()
    {
        var owner = Given.AnOwner();
        var asset = Given.APendingAsset(owner);
        var caller = Given.OwnerCapabilities(asset);

        asset.CompleteUpload(owner, caller, Given.SizeBytes, Given.ContentTypeValue, Now);
        asset.CompleteUpload(owner, caller, Given.SizeBytes, Given.ContentTypeValue, Later);

        owner.StorageUsedBytes.ShouldBe(Given.SizeBytes);
        asset.DomainEvents.OfType<AssetUploaded>().Count().ShouldBe(1);
    }

    [Test]
    public void CompleteUpload_WhenOtherBehavioursRun_StaysTheOnlyWayFromPendingToReadyAndNoneLeadsBack()
    {
        var owner = Given.AnOwner();
        var asset = Given.APendingAsset(owner);
        var grantee = UserId.New();

        RunEveryOtherBehaviour(asset, grantee);
        var afterOthersWhilePending = asset.Status;
        asset.CompleteUpload(owner, Given.OwnerCapabilities(asset), Given.SizeBytes, Given.ContentTypeValue, Now);
        RunEveryOtherBehaviour(asset, UserId.New());

        afterOthersWhilePending.ShouldBe(AssetStatus.Pending);
        asset.Status.ShouldBe(AssetStatus.Ready);
        typeof(Asset).GetProperty(nameof(Asset.Status))!.SetMethod!.IsPublic.ShouldBeFalse();
    }

    private static void RunEveryOtherBehaviour(Asset asset, UserId grantee)
    {
        var owner = Given.OwnerCapabilities(asset);
        asset.UpdateDetails(asset.OwnerId, owner, "Renamed " + asset.Status, "Described", [Tag.Create("x")], Later);
        var grant = asset.ShareWith(asset.OwnerId, owner, Grantee.OfPerson(grantee), AccessRole.Viewer, true, null, Later);
        asset.ChangeGrant(GivenCollections.Alone(asset.OwnerId), owner, grant.Id, AccessRole.Editor, null, null, clearExpiry: false, Later);
        asset.RevokeGrant(asset.OwnerId, owner, grant.Id, Later);
        if (owner.CanDownload)
        {
            asset.RecordDownload(asset.OwnerId, owner, Later);
        }
    }
}
