using MediaVault.Domain.Tests.TestSupport;

namespace MediaVault.Domain.Tests.Owners;

public sealed class ReleaseUsageTests
{
    [Test]
    public void ReleaseUsage_WhenReadyAssetIsDeleted_GivesBytesBack()
    {
        var owner = Given.AnOwner(quotaBytes: 1000);
        owner.Reserve(300);
        owner.SettleReservation(300);

        owner.ReleaseUsage(300);

        owner.StorageUsedBytes.ShouldBe(0);
        owner.StorageAvailableBytes.ShouldBe(1000);
    }

    [Test]
    public void ReleaseUsage_WhenMoreThanUsed_NeverGoesBelowZero()
    {
        var owner = Given.AnOwner(quotaBytes: 1000);
        owner.Reserve(300);
        owner.SettleReservation(300);

        owner.ReleaseUsage(400);

        owner.StorageUsedBytes.ShouldBe(0);
        owner.StorageAvailableBytes.ShouldBe(owner.StorageQuotaBytes);
    }
}
