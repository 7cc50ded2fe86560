using MediaVault.Infrastructure.Configuration;
using Npgsql;

namespace MediaVault.Integration.Tests.Support;

/// <summary>A fresh, empty database for one test fixture: a new PostgreSQL database on the test cluster, or a new SQLite file.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteDirectory;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? postgresName, string? sqliteDirectory)
    {
        Provider = provider;
        ConnectionString = connectionString;
        PostgresName = postgresName;
        _sqliteDirectory = sqliteDirectory;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public string? PostgresName { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var directory = Directory.CreateTempSubdirectory("mediavault-test-").FullName;
            return new TestDatabase(provider, $"Data Source={Path.Combine(directory, "test.db")};Default Timeout=5", null, directory);
        }

        var name = $"mv_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(TestServers.PostgresAdmin))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(TestServers.PostgresAdmin) { Database = name, Timeout = 5, CommandTimeout = 30 };
        return new TestDatabase(provider, builder.ConnectionString, name, null);
    }

    /// <summary>Removes the database while the application still uses it: what an outage looks like from inside.</summary>
    public async Task DropAsync()
    {
        if (PostgresName is null)
        {
            throw new InvalidOperationException("Only a PostgreSQL test database can be dropped.");
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(TestServers.PostgresAdmin);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{PostgresName}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (PostgresName is not null)
        {
            await DropAsync();
        }

        if (_sqliteDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_sqliteDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open: the temp folder is cleaned by the OS.
            }
        }
    }
}
