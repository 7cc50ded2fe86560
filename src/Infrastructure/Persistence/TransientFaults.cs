using System.Data.Common;
using MediaVault.Infrastructure.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace MediaVault.Infrastructure.Persistence;

/// <summary>
/// Tells faults of the database or the object store (answer 503, try again) from conflicts the database caught
/// (a unique or foreign key constraint lost a race: answer 409), from input the database refused (a data exception:
/// answer 400, never an outage) and from bugs (answer 500).
/// </summary>
public static class TransientFaults
{
    /// <summary>
    /// PostgreSQL refused a value (SQLSTATE class 22, data exception: a NUL byte, an invalid byte sequence, a number out
    /// of range). The validators refuse such input first (see <c>FreeText</c>); this keeps a missed case a 400.
    /// </summary>
    public static bool IsInvalidInput(Exception exception) => IsPostgresError(exception, "22");

    /// <summary>
    /// Whether <paramref name="exception"/>, or one it wraps, is a PostgreSQL error whose SQLSTATE is
    /// <paramref name="sqlState"/> (five characters) or of its class (the first two).
    /// </summary>
    internal static bool IsPostgresError(Exception? exception, string sqlState)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException pg && pg.SqlState.StartsWith(sqlState, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsConstraintViolation(Exception exception) =>
        exception is DbUpdateException
        && exception.InnerException switch
        {
            PostgresException pg => pg.SqlState.StartsWith("23", StringComparison.Ordinal), // integrity_constraint_violation
            SqliteException sqlite => sqlite.SqliteErrorCode == 19, // SQLITE_CONSTRAINT
            _ => false,
        };

    public static bool IsUnavailable(Exception exception)
    {
        if (IsConstraintViolation(exception) || IsInvalidInput(exception))
        {
            return false;
        }

        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException or TimeoutException or StorageUnavailableException or RetryLimitExceededException or System.Net.Sockets.SocketException)
            {
                return true;
            }
        }

        return false;
    }
}
