using MediaVault.Domain.Assets.Events;
using MediaVault.Domain.Assets.Rules;
using MediaVault.Domain.Tests.TestSupport;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;

namespace MediaVault.Domain.Tests.Assets;

public sealed class AbandonUploadTests
{
    [Test]
    public void AbandonUpload_WhenUploadWindowHasPassed_GivesReservationBack()
    {
        var owner = Given.AnOwner();
        var asset = Given.APendingAsset(owner);

        asset.AbandonUpload(owner, asset.UploadExpiresAt.AddMinutes(1));

        owner.StorageReservedBytes.ShouldBe(0);
        owner.StorageUsedBytes.ShouldBe(0);
        owner.StorageAvailableBytes.ShouldBe(owner.StorageQuotaBytes);
    }

    [Test]
    public void AbandonUpload_WhenUploadWindowHasPassed_RaisesUploadAbandonedNamingStoredObject()
    {
        var owner = Given.AnOwner();
        var asset = Given.APendingAsset(owner);
        var at = asset.UploadExpiresAt.AddHours(1);

        asset.AbandonUpload(owner, at);

        var abandoned = AssertRaised<UploadAbandoned>(asset);
        abandoned.AssetId.ShouldBe(asset.Id);
        abandoned.StorageKey.ShouldBe(asset.StorageKey);
        abandoned.ActorId.ShouldBeNull();
        abandoned.OccurredAt.ShouldBe(at);
    }

    [Test]
    public void AbandonUpload_AtExactlyUploadExpiry_GivesReservationBack()
    {
        var owner = Given.AnOwner();
        var asset = Given.APendingAsset(owner);

        asset.AbandonUpload(owner, asset.UploadExpiresAt);

        owner.StorageReservedBytes.ShouldBe(0);
    }

    [Test]
    public void AbandonUpload_WhenUploadWindowIsStillOpen_BreaksUploadWindowMustHaveClosedRule()
    {
        var owner = Given.AnOwner();
        var asset = Given.APendingAsset(owner);

        AssertBrokenRule<UploadWindowMustHaveClosed>(() => asset.AbandonUpload(owner, asset.UploadExpiresAt.AddTicks(-1)));
        owner.StorageReservedBytes.ShouldBe(asset.SizeBytes);
    }

    [Test]
    public void AbandonUpload_WhenAssetIsReady_BreaksOnlyPendingAssetCanBeAbandonedRule()
    {
        var owner = Given.AnOwner();
        var asset = Given.AReadyAsset(owner);

        AssertBrokenRule<OnlyPendingAssetCanBeAbandoned>(() => asset.AbandonUpload(owner, asset.UploadExpiresAt.AddDays(1)));
        owner.StorageUsedBytes.ShouldBe(asset.SizeBytes);
    }
}
