using MediaVault.Application.Abstractions;
using MediaVault.Domain.Owners;
using MediaVault.Domain.Owners.Events;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Infrastructure.Persistence;

/// <summary>
/// Applies storage movements with one conditional UPDATE each, whose affected row count is the authority (ADR-053). A
/// reservation changes the row only while used + reserved + bytes stays within the quota; a settlement only while the
/// reservation covers it; releases never go below zero. The UPDATE holds the row (PostgreSQL row lock, SQLite write
/// lock) until the transaction ends, so concurrent requests of one owner take turns for microseconds instead of failing.
/// </summary>
internal sealed class StorageLedger(MediaVaultDbContext db) : IStorageLedger
{
    public async Task<bool> TryApplyAsync(Owner owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        foreach (var movement in owner.DomainEvents.OfType<IStorageMovement>())
        {
            var id = movement.OwnerId;
            var bytes = movement.Bytes;
            var owners = db.Owners.Where(o => o.Id == id);
            var changed = movement switch
            {
                StorageReserved => await owners
                    .Where(o => o.StorageUsedBytes + o.StorageReservedBytes + bytes <= o.StorageQuotaBytes)
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.StorageReservedBytes, o => o.StorageReservedBytes + bytes), cancellationToken),
                ReservationSettled => await owners
                    .Where(o => o.StorageReservedBytes >= bytes)
                    .ExecuteUpdateAsync(
                        s => s.SetProperty(o => o.StorageReservedBytes, o => o.StorageReservedBytes - bytes)
                            .SetProperty(o => o.StorageUsedBytes, o => o.StorageUsedBytes + bytes),
                        cancellationToken),
                ReservationReleased => await owners.ExecuteUpdateAsync(
                    s => s.SetProperty(o => o.StorageReservedBytes, o => o.StorageReservedBytes > bytes ? o.StorageReservedBytes - bytes : 0),
                    cancellationToken),
                UsageReleased => await owners.ExecuteUpdateAsync(
                    s => s.SetProperty(o => o.StorageUsedBytes, o => o.StorageUsedBytes > bytes ? o.StorageUsedBytes - bytes : 0),
                    cancellationToken),
                _ => throw new InvalidOperationException($"Unknown storage movement {movement.GetType().Name}."),
            };
            if (changed == 0)
            {
                return false;
            }
        }

        owner.ClearDomainEvents();
        return true;
    }
}
