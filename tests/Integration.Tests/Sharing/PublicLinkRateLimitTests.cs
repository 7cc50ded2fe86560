using System.Net;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;
using static MediaVault.Integration.Tests.Support.SeedSharing;

namespace MediaVault.Integration.Tests.Sharing;

/// <summary>The "public-links" rate limit: RateLimiting__PublicLinkPermitsPerMinute calls per client address, then 429.</summary>
public sealed class PublicLinkRateLimitTests
{
    private const int Permits = 3;
    private MediaVaultApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await MediaVaultApi.StartAsync(
        DatabaseProvider.Sqlite, overrides: new Dictionary<string, string?> { ["RateLimiting:PublicLinkPermitsPerMinute"] = Permits.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task PublicLinkCalls_PastTheLimit_Are429WithRetryAfterWhileAuthenticatedCallsGoOn()
    {
        var owner = await _api.AccountAsync();
        var asset = await _api.AssetAsync(owner.Id);
        using var client = _api.ClientFor(owner.Value);
        var token = (await client.CreateLinkAsync(asset.Id)).GetProperty("token").GetString();
        using var anonymous = _api.CreateClient();
        await RateLimitWindows.AwayFromTheWindowEdgeAsync();

        for (var i = 0; i < Permits; i++)
        {
            (await anonymous.GetAsync(Url($"/api/v1/public/links/{token}"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var limited = await anonymous.PostAsync(Url($"/api/v1/public/links/{token}/download"), null);

        var problem = await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        problem.GetProperty("type").GetString().ShouldEndWith("too-many-requests");
        limited.Headers.RetryAfter.ShouldNotBeNull();
        limited.Headers.RetryAfter.Delta!.Value.ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        (await client.GetAsync(Url($"/api/v1/assets/{asset.Id}/links"))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
