using MediaVault.Domain.Owners.Rules;
using MediaVault.Domain.Tests.TestSupport;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;

namespace MediaVault.Domain.Tests.Owners;

public sealed class ChangeQuotaTests
{
    [Test]
    public void ChangeQuota_WhenRaised_MakesRoomForMore()
    {
        var owner = Given.AnOwner(quotaBytes: 1000);
        owner.Reserve(1000, Given.Now);

        owner.ChangeQuota(1500);

        owner.StorageAvailableBytes.ShouldBe(500);
        Should.NotThrow(() => owner.Reserve(500, Given.Now));
    }

    [Test]
    public void ChangeQuota_WhenLoweredBelowUsage_KeepsStoredAssetsButRefusesNewReservations()
    {
        var owner = Given.AnOwner(quotaBytes: 1000);
        owner.Reserve(800, Given.Now);
        owner.SettleReservation(800, Given.Now);

        owner.ChangeQuota(500);

        owner.StorageUsedBytes.ShouldBe(800);
        owner.CanReserve(1).ShouldBeFalse();
        AssertBrokenRule<StorageQuotaMustNotBeExceeded>(() => owner.Reserve(1, Given.Now));
    }

    [Test]
    public void ChangeQuota_WhenNegative_BreaksQuotaMustNotBeNegativeRule()
    {
        var owner = Given.AnOwner(quotaBytes: 1000);

        AssertBrokenRule<QuotaMustNotBeNegative>(() => owner.ChangeQuota(-1));
        owner.StorageQuotaBytes.ShouldBe(1000);
    }
}
