using MediaVault.Infrastructure.Configuration;
using MediaVault.Infrastructure.Persistence;
using MediaVault.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MediaVault.Integration.Tests.Hardening;

/// <summary>
/// A value PostgreSQL refuses (SQLSTATE class 22, data exception: the NUL byte that used to answer 503) is bad input,
/// never an outage: the exception handler answers 400 for it, and no Retry-After tells a client to try again.
/// </summary>
public sealed class DataExceptionTests
{
    private MediaVaultApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await MediaVaultApi.StartAsync(DatabaseProvider.Postgres);

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [TestCase("SELECT @p::text", "a\0b")]
    [TestCase("SELECT convert_from(decode('ff', 'hex'), 'UTF8')", null)]
    [TestCase("SELECT 1 / (0 * length(@p))", "x")]
    [TestCase("SELECT @p::int", "99999999999")]
    public async Task IsInvalidInput_WhenPostgresRefusesAValue_IsTrueAndItIsNoOutage(string sql, string? value)
    {
        var exception = await _api.WithDbAsync<Exception?>(async db =>
        {
            try
            {
                object[] parameters = value is null ? [] : [new NpgsqlParameter("p", value)];
                await db.Database.ExecuteSqlRawAsync(sql, parameters);
                return null;
            }
            catch (Exception e) when (e is PostgresException or DbUpdateException or InvalidOperationException)
            {
                return e;
            }
        });

        exception.ShouldNotBeNull();
        ((PostgresException)exception).SqlState.ShouldStartWith("22");
        TransientFaults.IsInvalidInput(exception).ShouldBeTrue();
        TransientFaults.IsUnavailable(exception).ShouldBeFalse();
        TransientFaults.IsConstraintViolation(exception).ShouldBeFalse();
    }
}
