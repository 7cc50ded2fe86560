using System.Data.Common;
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

    /// <summary>Whether <paramref name="exception"/> is the database refusing the riding reservation.</summary>
    internal static bool IsRefusal(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: RefusedSqlState })
            {
                return true;
            }
        }

        return false;
    }

    private static void Carry(DbCommand command, CommandEventData eventData)
    {
        if (eventData.CommandSource != CommandSource.SaveChanges
            || eventData.Context is not MediaVaultDbContext { RidingReservation: { } reservation } db)
        {
            return;
        }

        db.RidingReservation = null;
        command.CommandText = command.CommandText.TrimEnd().TrimEnd(';') + ";\n" + GuardSql;
        command.Parameters.Add(new NpgsqlParameter<long>("mv_reserve_bytes", reservation.Bytes));
        command.Parameters.Add(new NpgsqlParameter<Guid>("mv_reserve_owner", reservation.OwnerId.Value));
    }
}
