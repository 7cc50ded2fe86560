using System.Net;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static MediaVault.Integration.Tests.Support.SeedSharing;

namespace MediaVault.Integration.Tests.Sharing;

/// <summary>
/// The request log: a public link's token is a secret in the request path, so the log shows the route, never the token;
/// health probes are left out.
/// </summary>
public sealed class PublicLinkLoggingTests
{
    private MediaVaultApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await MediaVaultApi.StartAsync(
        DatabaseProvider.Sqlite,
        overrides: new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware"] = "Information" });

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task HealthProbes_AreNotRequestLogged_WhileApiRequestsAre()
    {
        using var capture = new CapturingLoggerProvider();
        _api.Services.GetRequiredService<ILoggerFactory>().AddProvider(capture);
        using var anonymous = _api.CreateClient();

        (await anonymous.GetAsync(Url("/health/live"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetAsync(Url("/health/ready"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetAsync(Url("/api/v1/me"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var requestLines = capture.Lines.Where(l => l.Contains("HttpLogging", StringComparison.Ordinal)).ToList();
        requestLines.ShouldContain(l => l.Contains("/api/v1/me", StringComparison.Ordinal), string.Join(Environment.NewLine, capture.Lines));
        requestLines.ShouldAllBe(l => !l.Contains("/health/", StringComparison.Ordinal));
    }

    [Test]
    public async Task PublicLinkRequests_AreLoggedWithTheTokenRedacted()
    {
        var owner = await _api.AccountAsync();
        var asset = await _api.AssetAsync(owner.Id);
        using var client = _api.ClientFor(owner.Value);
        var token = (await client.CreateLinkAsync(asset.Id, new { password = "hunter2-long" })).GetProperty("token").GetString()!;
        using var capture = new CapturingLoggerProvider();
        _api.Services.GetRequiredService<ILoggerFactory>().AddProvider(capture);
        using var anonymous = _api.CreateClient();

        (await anonymous.GetAsync(Url($"/api/v1/public/links/{token}"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.PostAsync(Url($"/api/v1/public/links/{token}/download"), new StringContent("""{"password":"hunter2-long"}""", System.Text.Encoding.UTF8, "application/json")))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var requestLines = capture.Lines.Where(l => l.Contains("HttpLogging", StringComparison.Ordinal)).ToList();
        requestLines.ShouldContain(l => l.Contains("/api/v1/public/links/{token}/download", StringComparison.Ordinal), string.Join(Environment.NewLine, capture.Lines));
        capture.Lines.ShouldAllBe(l => !l.Contains(token) && !l.Contains("hunter2-long"));
    }

    [Test]
    public async Task ViewLinkRequests_AreLoggedWithTheTokenRedactedAndNeverThePasswordHeader()
    {
        var owner = await _api.AccountAsync();
        var asset = await _api.AssetWithThumbnailAsync(owner.Id);
        var collection = await _api.AlbumAsync(owner.Id, asset);
        using var client = _api.ClientFor(owner.Value);
        var token = (await client.CreateCollectionLinkAsync(collection.Id, new { kind = "view", password = "hunter2-long" })).GetProperty("token").GetString()!;
        using var capture = new CapturingLoggerProvider();
        _api.Services.GetRequiredService<ILoggerFactory>().AddProvider(capture);
        using var anonymous = _api.CreateClient();

        (await anonymous.GetThroughLinkAsync($"/api/v1/public/links/{token}/assets", "hunter2-long")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetThroughLinkAsync($"/api/v1/public/links/{token}/assets/{asset.Id}/renditions/thumbnail", "hunter2-long")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.PostAsync(
            Url($"/api/v1/public/links/{token}/assets/{asset.Id}/download"), new StringContent("""{"password":"hunter2-long"}""", System.Text.Encoding.UTF8, "application/json")))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var requestLines = capture.Lines.Where(l => l.Contains("HttpLogging", StringComparison.Ordinal)).ToList();
        requestLines.ShouldContain(l => l.Contains("/api/v1/public/links/{token}/assets", StringComparison.Ordinal), string.Join(Environment.NewLine, capture.Lines));
        requestLines.ShouldContain(l => l.Contains($"/api/v1/public/links/{{token}}/assets/{asset.Id}/download", StringComparison.Ordinal));
        capture.Lines.ShouldAllBe(l => !l.Contains(token) && !l.Contains("hunter2-long"));
    }

    [Test]
    public async Task DropRequests_AreLoggedWithTheTokenAndTheUploadIdRedacted()
    {
        var owner = await _api.AccountAsync();
        var link = await _api.CollectionLinkAsync(owner.Id);
        using var capture = new CapturingLoggerProvider();
        _api.Services.GetRequiredService<ILoggerFactory>().AddProvider(capture);
        using var anonymous = _api.CreateClient();

        var uploadId = await anonymous.StartAndPutAsync(anonymous, link.Token, new byte[100]);
        (await anonymous.CompleteDropAsync(link.Token, uploadId)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var requestLines = capture.Lines.Where(l => l.Contains("HttpLogging", StringComparison.Ordinal)).ToList();
        requestLines.ShouldContain(l => l.Contains("/api/v1/public/links/{token}/uploads/{uploadId}/complete", StringComparison.Ordinal), string.Join(Environment.NewLine, capture.Lines));
        capture.Lines.ShouldAllBe(l => !l.Contains(link.Token) && !l.Contains(uploadId));
    }
}
