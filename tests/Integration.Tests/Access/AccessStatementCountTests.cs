using System.Net;
using System.Net.Http.Json;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Infrastructure.Persistence;
using MediaVault.Integration.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static MediaVault.Integration.Tests.Support.SeedSharing;

namespace MediaVault.Integration.Tests.Access;

/// <summary>
/// The batch check and the explanation send a fixed number of SQL commands, however many assets are asked about and
/// however many paths lead to them (counted as <see cref="Performance.StatementCountTests"/> counts, after a warm-up).
/// </summary>
public sealed class AccessStatementCountTests
{
    private MediaVaultApi _api = null!;
    private StatementCounter _counter = null!;
    private HttpClient _client = null!;
    private List<Guid> _shared = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await MediaVaultApi.StartAsync(DatabaseProvider.Postgres, services: services =>
        {
            services.AddHttpContextAccessor();
            services.AddSingleton<StatementCounter>();
            services.ConfigureDbContext<PostgresDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<StatementCounter>()));
        });
        _counter = _api.Services.GetRequiredService<StatementCounter>();
        var owner = await _api.AccountAsync();
        var person = await _api.AccountAsync();
        var group = await _api.GroupAsync(owner.Id, person.Id);
        _shared = [];
        for (var i = 0; i < 20; i++)
        {
            var asset = await _api.AssetAsync(owner.Id);
            await _api.ShareAsync(asset.Id, Grantee.OfPerson(person.Id), AccessRole.Viewer);
            await _api.ShareAsync(asset.Id, Grantee.OfGroup(group.Id), AccessRole.Editor);
            _shared.Add(asset.Id.Value);
        }

        await _api.CollectionAsync(owner.Id, [.. _shared.Select(id => new AssetId(id))], Grantee.OfGroup(group.Id), AccessRole.Manager);
        _client = _api.ClientFor(person.Value);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
    }

    [Test]
    public async Task CheckAccess_ForOneOrAHundredAssets_SendsTheSameFewStatements()
    {
        var one = await PostStatementsAsync([_shared[0]]);
        var hundred = await PostStatementsAsync([.. _shared, .. Enumerable.Range(0, 80).Select(_ => Guid.NewGuid())]);

        hundred.ShouldBe(one);
        hundred.ShouldBeInRange(1, 4);
    }

    [Test]
    public async Task Explain_WithPathsOfEveryKind_SendsAtMost4Statements()
    {
        var path = $"/api/v1/assets/{_shared[0]}/access";
        (await _client.GetAsync(Url(path))).StatusCode.ShouldBe(HttpStatusCode.OK);
        _counter.Clear();

        var body = await (await _client.GetAsync(Url(path))).ShouldBeJsonAsync();

        body.GetProperty("paths").GetArrayLength().ShouldBe(3);
        _counter.For(path).Count.ShouldBeInRange(1, 4, string.Join("\n---\n", _counter.For(path)));
    }

    private async Task<int> PostStatementsAsync(List<Guid> ids)
    {
        const string path = "/api/v1/assets/access";
        (await _client.PostAsJsonAsync(Url(path), new { assetIds = ids })).StatusCode.ShouldBe(HttpStatusCode.OK);
        _counter.Clear();

        (await _client.PostAsJsonAsync(Url(path), new { assetIds = ids })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var statements = _counter.For(path);
        await TestContext.Out.WriteLineAsync($"{ids.Count} ids: {statements.Count} statements\n{string.Join("\n---\n", statements)}");
        return statements.Count;
    }
}
