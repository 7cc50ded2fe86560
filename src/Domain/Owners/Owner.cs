using MediaVault.Domain.Common;
using MediaVault.Domain.Owners.Rules;
using MediaVault.Domain.Users;

namespace MediaVault.Domain.Owners;

/// <summary>
/// The person who owns assets, seen as a holder of storage: a quota, the bytes used by ready assets and the
/// bytes reserved by uploads in progress. Every user has exactly one, created with the account.
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

    /// <summary>Optimistic concurrency: two uploads racing for the last bytes of a quota cannot both win.</summary>
    public int Version { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public long StorageAvailableBytes => StorageQuotaBytes - StorageUsedBytes - StorageReservedBytes;

    public static Owner Open(UserId id, long storageQuotaBytes, DateTimeOffset now)
    {
        CheckRule(new QuotaMustNotBeNegative(storageQuotaBytes));
        return new Owner { Id = id, StorageQuotaBytes = storageQuotaBytes, CreatedAt = now };
    }

    public bool CanReserve(long bytes) => bytes >= 0 && bytes <= StorageAvailableBytes;

    /// <summary>Sets aside room for an upload; fails if the quota would be exceeded.</summary>
    public void Reserve(long bytes)
    {
        CheckRule(new StorageQuotaMustNotBeExceeded(this, bytes));
        StorageReservedBytes += bytes;
        Version++;
    }

    /// <summary>An upload completed: its reservation becomes usage.</summary>
    public void SettleReservation(long bytes)
    {
        CheckRule(new ReservationMustCoverSettledBytes(StorageReservedBytes, bytes));
        StorageReservedBytes -= bytes;
        StorageUsedBytes += bytes;
        Version++;
    }

    /// <summary>An upload was abandoned: its reservation is given back.</summary>
    public void ReleaseReservation(long bytes)
    {
        StorageReservedBytes = Math.Max(0, StorageReservedBytes - bytes);
        Version++;
    }

    /// <summary>A ready asset was deleted: its bytes are given back.</summary>
    public void ReleaseUsage(long bytes)
    {
        StorageUsedBytes = Math.Max(0, StorageUsedBytes - bytes);
        Version++;
    }

    public void ChangeQuota(long storageQuotaBytes)
    {
        CheckRule(new QuotaMustNotBeNegative(storageQuotaBytes));
        StorageQuotaBytes = storageQuotaBytes;
        Version++;
    }
}
