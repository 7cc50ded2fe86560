using System.Net;
using System.Net.Http.Json;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Infrastructure.Identity;
using MediaVault.Infrastructure.Persistence;
using MediaVault.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static MediaVault.Integration.Tests.Support.SeedSharing;

namespace MediaVault.Integration.Tests.Performance;

/// <summary>
/// The number of SQL commands (round trips) each hot endpoint sends to PostgreSQL, after a warm-up call, is pinned: a
/// change that adds a round trip to one of them fails here (lower the number when you remove one). docs/performance.md
/// keeps the history. Commands are counted by an EF Core interceptor, so the connection resets Npgsql would add are not
/// in them; those are ruled out by the connection string (<see cref="ConnectionString_WhenPostgres_KeepsSessionsAndPreparesStatements"/>).
/// The access token's account check rides with each hot endpoint's first command (ADR-084): it is the first of that
/// command's statements, never a command of its own.
/// </summary>
public sealed class StatementCountTests
{
    private const string AccountCheck = AccountCheckInterceptor.CheckSql;

    private MediaVaultApi _api = null!;
    private StatementCounter _counter = null!;
    private SavepointCounter _savepoints = null!;
    private HttpClient _client = null!;
    private HttpClient _grantee = null!;
    private Guid _asset;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await MediaVaultApi.StartAsync(DatabaseProvider.Postgres, services: services =>
        {
            services.AddHttpContextAccessor();
            services.AddSingleton<StatementCounter>();
            services.AddSingleton<SavepointCounter>();
            services.ConfigureDbContext<PostgresDbContext>((sp, options) =>
                options.AddInterceptors(sp.GetRequiredService<StatementCounter>(), sp.GetRequiredService<SavepointCounter>()));
        });
        _counter = _api.Services.GetRequiredService<StatementCounter>();
        _savepoints = _api.Services.GetRequiredService<SavepointCounter>();
        var owner = await _api.OwnerAsync();
        _asset = (await _api.AssetAsync(owner, title: "x marks the spot")).Id.Value;
        _client = _api.ClientFor(owner.Value);

        // A person in no group, holding no collection grant, with a grant of their own on the asset.
        var person = await _api.AccountAsync();
        await _api.ShareAsync(new AssetId(_asset), Grantee.OfPerson(person.Id), AccessRole.Viewer);
        _grantee = _api.ClientFor(person.Value);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        _grantee.Dispose();
        await _api.DisposeAsync();
    }

    [Test]
    public async Task GetMe_AfterWarmUp_SendsOneCommand() => await AssertStatementsAsync("/api/v1/me", 1);

    [Test]
    public async Task GetAsset_AfterWarmUp_SendsOneCommand() => await AssertStatementsAsync($"/api/v1/assets/{_asset}", 1);

    [Test]
    public async Task GetAsset_ByAGranteeInNoGroupAndNoCollection_SendsNoGroupOrCollectionStatement() =>
        await AssertStatementsAsync($"/api/v1/assets/{_asset}", 1, _grantee);

    [Test]
    public async Task DownloadUrl_ByAGranteeInNoGroupAndNoCollection_SendsNoGroupOrCollectionStatement() =>
        await AssertStatementsAsync($"/api/v1/assets/{_asset}/download", 2, _grantee);

    [Test]
    public async Task ListAll_AfterWarmUp_SendsOneCommand() => await AssertStatementsAsync("/api/v1/assets?scope=all", 1);

    [Test]
    public async Task ListAllWithSearch_AfterWarmUp_SendsOneCommand() => await AssertStatementsAsync("/api/v1/assets?scope=all&q=x", 1);

    [Test]
    public async Task DownloadUrl_AfterWarmUp_SendsOneReadWithTheAccountCheckAndOneInsert()
    {
        var statements = await AssertStatementsAsync($"/api/v1/assets/{_asset}/download", 2);

        // The activity row is written with one INSERT and nothing read back: the last statement, and the only write.
        statements[^1].ShouldStartWith("INSERT INTO activity_entries");
        statements.Count(s => s.StartsWith("INSERT", StringComparison.Ordinal) || s.StartsWith("UPDATE", StringComparison.Ordinal)).ShouldBe(1);
        statements[^1].ShouldNotContain("RETURNING");
    }

    // The owner (its quota) with the account check; then the asset, its tags (as many as an asset may carry), its
    // activity line and the quota reservation in one batch (ADR-086), which PostgreSQL runs as one implicit
    // transaction: EF Core begins none, so there is no COMMIT round trip either; no savepoint.
    [Test]
    public async Task CreateAsset_WithTheMostTags_SendsTwoCommandsTheSecondCarryingTheReservationLastAndBeginsNoTransaction()
    {
        const string Path = "/api/v1/assets";
        var tags = Enumerable.Range(0, Tag.MaxPerAsset).Select(i => $"tag{i}").ToArray();
        var body = new { fileName = "a.png", contentType = "image/png", sizeBytes = 1000, title = "t", tags };
        (await _client.PostAsJsonAsync(new Uri(Path, UriKind.Relative), body)).StatusCode.ShouldBe(HttpStatusCode.Created);
        _counter.Clear();
        _savepoints.Clear();

        (await _client.PostAsJsonAsync(new Uri(Path, UriKind.Relative), body)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var statements = _counter.For(Path);
        await TestContext.Out.WriteLineAsync($"{Path}: {statements.Count} statements\n{string.Join("\n---\n", statements)}");
        statements.Count.ShouldBe(2, string.Join("\n---\n", statements));
        statements[0].ShouldStartWith(AccountCheck);
        statements[1].ShouldStartWith("INSERT");
        statements[1].ShouldEndWith(ReservationRideInterceptor.GuardSql);
        _savepoints.For(Path).ShouldBe(0);
        _savepoints.TransactionsFor(Path).ShouldBe(0);
    }

    [Test]
    public async Task ConnectionString_WhenPostgres_KeepsSessionsAndPreparesStatements()
    {
        var connectionString = await _api.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()));

        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        settings.NoResetOnClose.ShouldBeTrue();
        settings.MaxAutoPrepare.ShouldBeGreaterThan(0);
    }

    [Test]
    public async Task Sessions_WhenPostgres_PlanEachPreparedStatementOnceWithoutItsValues()
    {
        // ADR-089: PostgreSQL would otherwise plan some prepared statements again on every execution.
        var mode = await _api.WithDbAsync(db => db.Database
            .SqlQueryRaw<string>("SELECT current_setting('plan_cache_mode') AS \"Value\"").SingleAsync());

        mode.ShouldBe("force_generic_plan");
    }

    private async Task<IReadOnlyList<string>> AssertStatementsAsync(string pathAndQuery, int most, HttpClient? caller = null)
    {
        caller ??= _client;
        (await caller.GetAsync(new Uri(pathAndQuery, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        _counter.Clear();

        var response = await caller.GetAsync(new Uri(pathAndQuery, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var statements = _counter.For(pathAndQuery);
        await TestContext.Out.WriteLineAsync($"{pathAndQuery}: {statements.Count} statements\n{string.Join("\n---\n", statements)}");
        // At least the one that carries the access token's account check: zero would mean the counter is not wired.
        statements.Count.ShouldBeInRange(1, most, string.Join("\n---\n", statements));
        statements[0].ShouldStartWith(AccountCheck);
        statements.Skip(1).ShouldAllBe(s => !s.Contains("mv_refuse_token", StringComparison.Ordinal));
        return statements;
    }
}
