using MediaVault.Domain.Common;
using MediaVault.Domain.Owners.Events;
using MediaVault.Domain.Owners.Rules;
using MediaVault.Domain.Tests.TestSupport;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;

namespace MediaVault.Domain.Tests.Owners;

public sealed class ReserveTests
{
    [Test]
    public void Reserve_WhenBytesFitInAvailableSpace_SetsThemAside()
    {
        var owner = Given.AnOwner(quotaBytes: 1000);

        owner.Reserve(300, Given.Now);

        owner.StorageReservedBytes.ShouldBe(300);
        owner.StorageAvailableBytes.ShouldBe(700);
    }

    [Test]
    public void Reserve_WhenBytesFillQuotaExactly_SetsThemAside()
    {
        var owner = Given.AnOwner(quotaBytes: 1000);
        owner.Reserve(400, Given.Now);

        owner.Reserve(600, Given.Now);

        owner.StorageAvailableBytes.ShouldBe(0);
    }

    [Test]
    public void Reserve_WhenBytesExceedAvailableSpace_BreaksStorageQuotaMustNotBeExceededRule()
    {
        var owner = Given.AnOwner(quotaBytes: 1000);

        AssertBrokenRule<StorageQuotaMustNotBeExceeded>(() => owner.Reserve(1001, Given.Now));
    }

    [Test]
    public void Reserve_WhenUsedAndReservedBytesLeaveTooLittle_BreaksStorageQuotaMustNotBeExceededRule()
    {
        var owner = Given.AnOwner(quotaBytes: 1000);
        owner.Reserve(500, Given.Now);
        owner.SettleReservation(500, Given.Now);
        owner.Reserve(300, Given.Now);

        AssertBrokenRule<StorageQuotaMustNotBeExceeded>(() => owner.Reserve(owner.StorageAvailableBytes + 1, Given.Now));
    }

    [Test]
    public void Reserve_WhenBytesAreNegative_BreaksStorageQuotaMustNotBeExceededRule()
    {
        var owner = Given.AnOwner(quotaBytes: 1000);

        AssertBrokenRule<StorageQuotaMustNotBeExceeded>(() => owner.Reserve(-1, Given.Now));
    }

    [Test]
    public void Reserve_WhenRefused_LeavesOwnerUnchanged()
    {
        var owner = Given.AnOwner(quotaBytes: 1000);
        owner.Reserve(900, Given.Now);
        owner.ClearDomainEvents();

        Should.Throw<BusinessRuleViolationException>(() => owner.Reserve(101, Given.Now));

        owner.StorageReservedBytes.ShouldBe(900);
        owner.DomainEvents.ShouldBeEmpty();
    }

    [Test]
    public void Reserve_WhenAccepted_RaisesStorageReservedForTheStoreToApplyAtomically()
    {
        var owner = Given.AnOwner(quotaBytes: 1000);

        owner.Reserve(10, Given.Now);

        AssertRaised<StorageReserved>(owner).ShouldBe(new StorageReserved(owner.Id, 10, Given.Now));
    }

    [Test]
    public void Reserve_WhenUploadsKeepComing_NeverLetsUsedPlusReservedExceedQuota()
    {
        const long quota = 1000;
        const long chunk = 70;
        var owner = Given.AnOwner(quotaBytes: quota);
        var accepted = 0;

        while (owner.CanReserve(chunk))
        {
            owner.Reserve(chunk, Given.Now);
            accepted++;
            if (accepted % 2 == 0)
            {
                owner.SettleReservation(chunk, Given.Now);
            }

            (owner.StorageUsedBytes + owner.StorageReservedBytes).ShouldBeLessThanOrEqualTo(quota);
        }

        accepted.ShouldBe((int)(quota / chunk));
        AssertBrokenRule<StorageQuotaMustNotBeExceeded>(() => owner.Reserve(chunk, Given.Now));
    }

    [TestCase(0L, true)]
    [TestCase(1000L, true)]
    [TestCase(1001L, false)]
    [TestCase(-1L, false)]
    public void CanReserve_WhenAskedBeforeReserving_AgreesWithReserve(long bytes, bool expected)
    {
        var owner = Given.AnOwner(quotaBytes: 1000);

        var canReserve = owner.CanReserve(bytes);

        canReserve.ShouldBe(expected);
        if (canReserve)
        {
            Should.NotThrow(() => owner.Reserve(bytes, Given.Now));
        }
        else
        {
            AssertBrokenRule<StorageQuotaMustNotBeExceeded>(() => owner.Reserve(bytes, Given.Now));
        }
    }
}
