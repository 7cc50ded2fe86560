using MediaVault.Domain.Owners.Events;
using MediaVault.Domain.Owners.Rules;
using MediaVault.Domain.Tests.TestSupport;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;

namespace MediaVault.Domain.Tests.Owners;

public sealed class SettleReservationTests
{
    [Test]
    public void SettleReservation_WhenBytesWereReserved_MovesThemFromReservedToUsed()
    {
        var owner = Given.AnOwner(quotaBytes: 1000);
        owner.Reserve(300, Given.Now);
        var availableBefore = owner.StorageAvailableBytes;

        owner.SettleReservation(300, Given.Now);

        owner.StorageReservedBytes.ShouldBe(0);
        owner.StorageUsedBytes.ShouldBe(300);
        owner.StorageAvailableBytes.ShouldBe(availableBefore);
    }

    [Test]
    public void SettleReservation_WhenMoreThanReserved_BreaksReservationMustCoverSettledBytesRule()
    {
        var owner = Given.AnOwner(quotaBytes: 1000);
        owner.Reserve(300, Given.Now);

        AssertBrokenRule<ReservationMustCoverSettledBytes>(() => owner.SettleReservation(301, Given.Now));
        owner.StorageUsedBytes.ShouldBe(0);
    }

    [Test]
    public void SettleReservation_WhenBytesAreNegative_BreaksReservationMustCoverSettledBytesRule()
    {
        var owner = Given.AnOwner(quotaBytes: 1000);
        owner.Reserve(300, Given.Now);

        AssertBrokenRule<ReservationMustCoverSettledBytes>(() => owner.SettleReservation(-1, Given.Now));
    }

    [Test]
    public void SettleReservation_WhenAccepted_RaisesReservationSettledForTheStoreToApplyAtomically()
    {
        var owner = Given.AnOwner(quotaBytes: 1000);
        owner.Reserve(300, Given.Now);

        owner.SettleReservation(300, Given.Now);

        AssertRaised<ReservationSettled>(owner).ShouldBe(new ReservationSettled(owner.Id, 300, Given.Now));
    }
}
