using MediaVault.Domain.Common;
using MediaVault.Domain.Owners.Events;
using MediaVault.Domain.Owners.Rules;
using MediaVault.Domain.Users;

namespace MediaVault.Domain.Owners;

/// <summary>
/// The person who owns assets, seen as a holder of storage: a quota, the bytes used by ready assets and the
/// bytes reserved by uploads in progress. Every user has exactly one, created with the account.
/// Each storage behaviour decides from the state the owner was loaded with and raises an <see cref="IStorageMovement"/>;
/// the store applies that movement atomically and has the last word when requests race (ADR-053).
/// </summary>
public sealed class Owner : AggregateRoot<UserId>
{
    private Owner()
    {
    }

    public long StorageQuotaBytes { get; private set; }

    /// <summary>Bytes of ready assets.</summary>
    public long StorageUsedBytes { get; private set; }

    /// <summary>Bytes promised to pending uploads; they count against the quota until completed or purged.</summary>
    public long StorageReservedBytes { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public long StorageAvailableBytes => StorageQuotaBytes - StorageUsedBytes - StorageReservedBytes;

    public static Owner Open(UserId id, long storageQuotaBytes, DateTimeOffset now)
    {
        CheckRule(new QuotaMustNotBeNegative(storageQuotaBytes));
        return new Owner { Id = id, StorageQuotaBytes = storageQuotaBytes, CreatedAt = now };
    }

    public bool CanReserve(long bytes) => bytes >= 0 && bytes <= StorageAvailableBytes;

    /// <summary>Sets aside room for an upload; fails if the quota would be exceeded.</summary>
    public void Reserve(long bytes, DateTimeOffset now)
    {
        CheckRule(new StorageQuotaMustNotBeExceeded(this, bytes));
        StorageReservedBytes += bytes;
        Raise(new StorageReserved(Id, bytes, now));
    }

    /// <summary>An upload completed: its reservation becomes usage.</summary>
    public void SettleReservation(long bytes, DateTimeOffset now)
    {
        CheckRule(new ReservationMustCoverSettledBytes(StorageReservedBytes, bytes));
        StorageReservedBytes -= bytes;
        StorageUsedBytes += bytes;
        Raise(new ReservationSettled(Id, bytes, now));
    }

    /// <summary>An upload was abandoned: its reservation is given back.</summary>
    public void ReleaseReservation(long bytes, DateTimeOffset now)
    {
        StorageReservedBytes = Math.Max(0, StorageReservedBytes - bytes);
        Raise(new ReservationReleased(Id, bytes, now));
    }

    /// <summary>A ready asset was deleted: its bytes are given back.</summary>
    public void ReleaseUsage(long bytes, DateTimeOffset now)
    {
        StorageUsedBytes = Math.Max(0, StorageUsedBytes - bytes);
        Raise(new UsageReleased(Id, bytes, now));
    }

    public void ChangeQuota(long storageQuotaBytes)
    {
        CheckRule(new QuotaMustNotBeNegative(storageQuotaBytes));
        StorageQuotaBytes = storageQuotaBytes;
    }
}
