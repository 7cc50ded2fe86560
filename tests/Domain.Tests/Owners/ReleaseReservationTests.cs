using MediaVault.Domain.Tests.TestSupport;

namespace MediaVault.Domain.Tests.Owners;

public sealed class ReleaseReservationTests
{
    [Test]
    public void ReleaseReservation_WhenUploadIsGivenUp_GivesBytesBack()
    {
        var owner = Given.AnOwner(quotaBytes: 1000);
        owner.Reserve(300);

        owner.ReleaseReservation(300);

        owner.StorageReservedBytes.ShouldBe(0);
        owner.StorageAvailableBytes.ShouldBe(1000);
    }

    [Test]
    public void ReleaseReservation_WhenMoreThanReserved_NeverGoesBelowZero()
    {
        var owner = Given.AnOwner(quotaBytes: 1000);
        owner.Reserve(300);

        owner.ReleaseReservation(500);

        owner.StorageReservedBytes.ShouldBe(0);
        owner.StorageAvailableBytes.ShouldBe(owner.StorageQuotaBytes);
    }
}
