using MediaVault.Domain.Owners.Events;
using MediaVault.Domain.Tests.TestSupport;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;

namespace MediaVault.Domain.Tests.Owners;

public sealed class ReleaseReservationTests
{
    [Test]
    public void ReleaseReservation_WhenUploadIsGivenUp_GivesBytesBack()
    {
        var owner = Given.AnOwner(quotaBytes: 1000);
        owner.Reserve(300, Given.Now);

        owner.ReleaseReservation(300, Given.Now);

        owner.StorageReservedBytes.ShouldBe(0);
        owner.StorageAvailableBytes.ShouldBe(1000);
    }

    [Test]
    public void ReleaseReservation_WhenMoreThanReserved_NeverGoesBelowZero()
    {
        var owner = Given.AnOwner(quotaBytes: 1000);
        owner.Reserve(300, Given.Now);

        owner.ReleaseReservation(500, Given.Now);

        owner.StorageReservedBytes.ShouldBe(0);
        owner.StorageAvailableBytes.ShouldBe(owner.StorageQuotaBytes);
    }

    [Test]
    public void ReleaseReservation_WhenUploadIsGivenUp_RaisesReservationReleasedForTheStoreToApplyAtomically()
    {
        var owner = Given.AnOwner(quotaBytes: 1000);
        owner.Reserve(300, Given.Now);

        owner.ReleaseReservation(300, Given.Now);

        AssertRaised<ReservationReleased>(owner).ShouldBe(new ReservationReleased(owner.Id, 300, Given.Now));
    }
}
