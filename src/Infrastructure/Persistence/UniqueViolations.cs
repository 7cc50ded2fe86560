using Microsoft.Data.Sqlite;
using Npgsql;

namespace MediaVault.Infrastructure.Persistence;

/// <summary>
/// Tells a write refused by a unique index (two requests raced to create the same thing, e.g. two grants to one person)
/// from other database faults: the former is a conflict (409), not an outage.
/// </summary>
public static class UniqueViolations
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    public static bool IsUniqueViolation(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
                || e is SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey })
            {
                return true;
            }
        }

        return false;
    }
}
