using MediaVault.Domain.Owners.Events;
using MediaVault.Domain.Tests.TestSupport;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;

namespace MediaVault.Domain.Tests.Owners;

public sealed class ReleaseUsageTests
{
    [Test]
    public void ReleaseUsage_WhenReadyAssetIsDeleted_GivesBytesBack()
    {
        var owner = Given.AnOwner(quotaBytes: 1000);
        owner.Reserve(300, Given.Now);
        owner.SettleReservation(300, Given.Now);

        owner.ReleaseUsage(300, Given.Now);

        owner.StorageUsedBytes.ShouldBe(0);
        owner.StorageAvailableBytes.ShouldBe(1000);
    }

    [Test]
    public void ReleaseUsage_WhenMoreThanUsed_NeverGoesBelowZero()
    {
        var owner = Given.AnOwner(quotaBytes: 1000);
        owner.Reserve(300, Given.Now);
        owner.SettleReservation(300, Given.Now);

        owner.ReleaseUsage(400, Given.Now);

        owner.StorageUsedBytes.ShouldBe(0);
        owner.StorageAvailableBytes.ShouldBe(owner.StorageQuotaBytes);
    }

    [Test]
    public void ReleaseUsage_WhenReadyAssetIsDeleted_RaisesUsageReleasedForTheStoreToApplyAtomically()
    {
        var owner = Given.AnOwner(quotaBytes: 1000);
        owner.Reserve(300, Given.Now);
        owner.SettleReservation(300, Given.Now);

        owner.ReleaseUsage(300, Given.Now);

        AssertRaised<UsageReleased>(owner).ShouldBe(new UsageReleased(owner.Id, 300, Given.Now));
    }
}
