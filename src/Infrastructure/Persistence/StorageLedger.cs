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
    /// <summary>
    /// On PostgreSQL, a single reservation rides with the save's own command (<see cref="ReservationRideInterceptor"/>,
    /// ADR-086): one round trip for the reservation and the change, which PostgreSQL runs as one implicit transaction,
    /// so EF Core opens none (no <c>BEGIN</c>, no <c>COMMIT</c> of its own). That holds while the save is one command:
    /// EF Core splits a save only beyond its batch size (1,000 statements on Npgsql); the saves that ride (an asset with
    /// at most <c>Tag.MaxPerAsset</c> tags and its activity line) stay far below, and a riding save of more than
    /// <see cref="ReservationRide.MaxRows"/> rows is refused before anything is sent. Otherwise (SQLite, other movements, an open transaction) the movements and the
    /// save share an explicit transaction.
    /// </summary>
    public async Task<bool> TrySaveWithAsync(Owner owner, Func<CancellationToken, Task> save, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(save);
        if (RidingReservationOf(owner) is { } reservation)
        {
            var ride = new ReservationRide(reservation);
            var transactions = db.Database.AutoTransactionBehavior;
            db.RidingReservation = ride;
            db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
            try
            {
                await save(cancellationToken);
            }
            catch (Exception e) when (ReservationRideInterceptor.IsRefusal(e))
            {
                db.ChangeTracker.Clear();
                return false;
            }
            finally
            {
                db.RidingReservation = null;
                db.Database.AutoTransactionBehavior = transactions;
            }

            if (!ride.Sent)
            {
                throw new InvalidOperationException("The reservation did not ride with the save: the save sent no command.");
            }

            owner.ClearDomainEvents();
            return true;
        }

        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await TryApplyAsync(owner, cancellationToken))
        {
            return false;
        }

        await save(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private StorageReserved? RidingReservationOf(Owner owner) =>
        db.Database.IsNpgsql() && db.Database.CurrentTransaction is null && owner.DomainEvents.Count == 1
            && owner.DomainEvents.First() is StorageReserved reservation
            ? reservation
            : null;

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
