using System.Data.Common;
using MediaVault.Domain.Owners.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace MediaVault.Infrastructure.Persistence;

/// <summary>
/// Lets a storage reservation ride with the save of the asset it belongs to, on PostgreSQL (ADR-086): the save's
/// command gets <see cref="GuardSql"/> after its own statements, so the reservation, the asset, its tags and its
/// activity line go in one round trip and commit together or not at all. The guard is the ledger's conditional UPDATE
/// (ADR-053) with the condition turned into a refusal: when the bytes no longer fit the quota it calls
/// <c>mv_refuse_reservation()</c>, which raises SQLSTATE <see cref="RefusedSqlState"/> and so rolls back every
/// statement of the batch. It comes last and returns no rows, so EF Core reads its own statements' results and row
/// counts exactly as without it. <see cref="StorageLedger.TrySaveWithAsync"/> arms it for one save.
/// </summary>
internal sealed class ReservationRideInterceptor : DbCommandInterceptor
{
    /// <summary>Raised by <c>mv_refuse_reservation()</c> only.</summary>
    internal const string RefusedSqlState = "MVQ01";

    internal static readonly ReservationRideInterceptor Instance = new();

    internal const string GuardSql = """
        UPDATE owners AS o SET "StorageReservedBytes" = o."StorageReservedBytes" + @mv_reserve_bytes
        WHERE o."Id" = @mv_reserve_owner
          AND CASE WHEN o."StorageUsedBytes" + o."StorageReservedBytes" + @mv_reserve_bytes <= o."StorageQuotaBytes"
            THEN true ELSE mv_refuse_reservation() END
        """;

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Carry(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Carry(command, eventData);
        return ValueTask.FromResult(result);
    }

    // A save whose command EF Core would not read (a non-query or a scalar) cannot carry the guard; refused before it
    // runs, so that nothing of it is stored without its reservation.
    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        RefuseUnread(eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        RefuseUnread(eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        RefuseUnread(eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        RefuseUnread(eventData);
        return ValueTask.FromResult(result);
    }

    /// <summary>Whether <paramref name="exception"/> is the database refusing the riding reservation.</summary>
    internal static bool IsRefusal(Exception? exception) => TransientFaults.IsPostgresError(exception, RefusedSqlState);

    private static void RefuseUnread(CommandEventData eventData)
    {
        if (eventData.CommandSource == CommandSource.SaveChanges && eventData.Context is MediaVaultDbContext { RidingReservation: not null })
        {
            throw new InvalidOperationException("A save that a reservation rides with must be one command EF Core reads.");
        }
    }

    private static void Carry(DbCommand command, CommandEventData eventData)
    {
        if (eventData.CommandSource != CommandSource.SaveChanges
            || eventData.Context is not MediaVaultDbContext { RidingReservation: { } ride })
        {
            return;
        }

        // The save runs without a transaction of its own: one command is one implicit transaction, two would not be.
        // A riding save is refused before it starts when it might need two (ReservationRide.EnsureOneCommand); should
        // one come all the same, it is stopped here, before it runs.
        if (ride.Sent)
        {
            throw new InvalidOperationException("A save that a reservation rides with must be one command; this one sent a second.");
        }

        ride.Sent = true;
        command.CommandText = command.CommandText.TrimEnd().TrimEnd(';') + ";\n" + GuardSql;
        command.Parameters.Add(new NpgsqlParameter<long>("mv_reserve_bytes", ride.Reservation.Bytes));
        command.Parameters.Add(new NpgsqlParameter<Guid>("mv_reserve_owner", ride.Reservation.OwnerId.Value));
    }
}

/// <summary>A reservation riding with one save (<see cref="ReservationRideInterceptor"/>): whether its command has gone.</summary>
internal sealed class ReservationRide(StorageReserved reservation)
{
    /// <summary>
    /// The most rows a save that a reservation rides with may write: far below EF Core's batch size (1,000 statements on
    /// Npgsql), so that the save is one command. A riding save writes an asset, its tags (at most 20) and its activity line.
    /// </summary>
    internal const int MaxRows = 100;

    public StorageReserved Reservation { get; } = reservation;

    public bool Sent { get; set; }

    /// <summary>
    /// Refuses, before anything is sent, a save that might not be one command: each changed entry is at most one
    /// statement, so a save of at most <see cref="MaxRows"/> entries is one batch.
    /// </summary>
    public static void EnsureOneCommand(ChangeTracker changes)
    {
        var rows = 0;
        foreach (var entry in changes.Entries())
        {
            if ((entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted) && ++rows > MaxRows)
            {
                throw new InvalidOperationException($"A save that a reservation rides with writes at most {MaxRows} rows.");
            }
        }
    }
}
