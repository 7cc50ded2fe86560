using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MediaVault.Infrastructure.Persistence;

/// <summary>
/// SQLite's built-in <c>lower()</c> folds ASCII letters only, so "É" would not match "é". Each connection gets a
/// Unicode-aware <c>lower()</c> instead, making case-insensitive search behave as it does on PostgreSQL.
/// </summary>
internal sealed class SqliteUnicodeLowerInterceptor : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }

    private static void Register(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            sqlite.CreateFunction("lower", (string? value) => value?.ToLowerInvariant(), isDeterministic: true);
        }
    }
}
