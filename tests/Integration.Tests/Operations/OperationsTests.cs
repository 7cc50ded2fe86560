using System.Net;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;

namespace MediaVault.Integration.Tests.Operations;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class OperationsTests(DatabaseProvider provider)
{
    private MediaVaultApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await MediaVaultApi.StartAsync(provider);

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task Live_WhileTheProcessRuns_Answers200()
    {
        using var client = _api.CreateClient();
        var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Ready_WhenDatabaseAndStoreAnswer_Answers200()
    {
        using var client = _api.CreateClient();
        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Migrations_OnStartup_CreateTheSchema()
    {
        var owners = await _api.WithDbAsync(async db =>
        {
            await _api.OwnerAsync();
            return db.Owners.Count();
        });
        owners.ShouldBeGreaterThan(0);
    }

    [Test]
    public async Task Swagger_ServesTheUiAndTheOpenApiDocument()
    {
        using var client = _api.CreateClient();
        var ui = await client.GetAsync(new Uri("/swagger/index.html", UriKind.Relative));
        ui.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = await (await client.GetAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative))).ShouldBeJsonAsync();
        document.GetProperty("openapi").GetString().ShouldStartWith("3.");
        document.GetProperty("paths").TryGetProperty("/api/v1/assets", out _).ShouldBeTrue();
        document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _).ShouldBeTrue();
    }

    [Test]
    public async Task UnknownRoute_AnswersProblem404()
    {
        using var client = _api.CreateClient();
        var response = await client.GetAsync(new Uri("/api/v1/no-such-thing", UriKind.Relative));
        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}

/// <summary>Faults of the backing services give a prompt 503, never a hang or a 500.</summary>
public sealed class OutageTests
{
    [Test]
    public async Task Ready_WhenDatabaseIsGone_Answers503()
    {
        await using var api = await MediaVaultApi.StartAsync(DatabaseProvider.Postgres);
        using var client = api.CreateClient();
        await api.Database.DropAsync();

        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }

    [Test]
    public async Task ApiCall_WhenDatabaseIsGone_AnswersProblem503WithRetryAfter()
    {
        await using var api = await MediaVaultApi.StartAsync(DatabaseProvider.Postgres);
        var owner = await api.OwnerAsync();
        using var client = api.ClientFor(owner.Value);
        await api.Database.DropAsync();

        var response = await client.GetAsync(new Uri("/api/v1/assets", UriKind.Relative));

        await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.ShouldNotBeNull();
    }

    [Test]
    public async Task Ready_WhenObjectStoreIsUnreachable_Answers503()
    {
        var file = Path.GetTempFileName(); // a file where the store expects a folder
        try
        {
            await using var api = await MediaVaultApi.StartAsync(
                DatabaseProvider.Sqlite, overrides: new Dictionary<string, string?> { ["Storage:FileSystem:Root"] = Path.Combine(file, "objects") });
            using var client = api.CreateClient();

            var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Ready_WhenS3AnswersNotFoundForProbe_Answers200()
    {
        await using var api = await MediaVaultApi.StartAsync(DatabaseProvider.Sqlite, StorageProvider.S3);
        using var client = api.CreateClient();

        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Ready_WhenS3IsUnreachable_Answers503Promptly()
    {
        await using var api = await MediaVaultApi.StartAsync(
            DatabaseProvider.Sqlite,
            StorageProvider.S3,
            new Dictionary<string, string?> { ["Storage:S3:ServiceUrl"] = "http://127.0.0.1:9" });
        using var client = api.CreateClient();

        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }
}
