using System.Net;
using System.Net.Http.Json;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;

namespace MediaVault.Integration.Tests.Hardening;

/// <summary>
/// Behind a reverse proxy (ADR-055): with <c>ForwardedHeaders__KnownProxies</c> naming the proxy, each client behind it
/// counts in a rate-limit bucket of its own; without it, <c>X-Forwarded-For</c> is ignored and the peer address counts.
/// Over a real Kestrel, whose peer address (127.0.0.1) is the "proxy".
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class ForwardedHeadersTests(DatabaseProvider provider)
{
    private const int Permits = 3;

    [Test]
    public async Task AuthRateLimit_BehindAKnownProxy_CountsEachForwardedClientInItsOwnBucket()
    {
        await using var api = await StartAsync(new() { ["ForwardedHeaders:KnownProxies"] = "127.0.0.1" });
        using var client = api.CreateClient();

        await SpendAllowanceAsync(client, "203.0.113.10");

        await (await LoginFromAsync(client, "203.0.113.10")).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        await (await LoginFromAsync(client, "203.0.113.20")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task AuthRateLimit_BehindAKnownNetwork_CountsEachForwardedClientInItsOwnBucket()
    {
        await using var api = await StartAsync(new() { ["ForwardedHeaders:KnownNetworks"] = "127.0.0.0/8" });
        using var client = api.CreateClient();

        await SpendAllowanceAsync(client, "198.51.100.1");

        await (await LoginFromAsync(client, "198.51.100.1")).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        await (await LoginFromAsync(client, "198.51.100.2")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task AuthRateLimit_WithoutKnownProxies_IgnoresXForwardedForAndCountsOneBucket()
    {
        await using var api = await StartAsync([]);
        using var client = api.CreateClient();

        await SpendAllowanceAsync(client, "203.0.113.10");

        var other = await LoginFromAsync(client, "203.0.113.20");
        await other.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        other.Headers.RetryAfter.ShouldNotBeNull();
    }

    [Test]
    public async Task AuthRateLimit_WhenThePeerIsNotAKnownProxy_IgnoresXForwardedFor()
    {
        await using var api = await StartAsync(new() { ["ForwardedHeaders:KnownProxies"] = "192.0.2.1" });
        using var client = api.CreateClient();

        await SpendAllowanceAsync(client, "203.0.113.10");

        await (await LoginFromAsync(client, "203.0.113.20")).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
    }

    private Task<MediaVaultApi> StartAsync(Dictionary<string, string?> settings)
    {
        settings["RateLimiting:AuthPermitsPerMinute"] = Permits.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return MediaVaultApi.StartAsync(provider, overrides: settings, kestrel: true);
    }

    private static async Task SpendAllowanceAsync(HttpClient client, string forwardedFor)
    {
        await RateLimitWindows.AwayFromTheWindowEdgeAsync();
        for (var call = 1; call <= Permits; call++)
        {
            await (await LoginFromAsync(client, forwardedFor)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        }
    }

    private static async Task<HttpResponseMessage> LoginFromAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/auth/login", UriKind.Relative))
        {
            Content = JsonContent.Create(new { email = SeedAccounts.NewEmail("nobody"), password = "not a password" }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await client.SendAsync(request);
    }
}
