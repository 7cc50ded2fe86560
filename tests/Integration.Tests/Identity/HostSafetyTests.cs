using System.Net;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;

namespace MediaVault.Integration.Tests.Identity;

/// <summary>Per-address throttling of the auth endpoints, and a host that will not start without a signing key.</summary>
public sealed class HostSafetyTests
{
    [Test]
    public async Task AuthEndpoints_BeyondThePermitsPerMinute_Answer429WithRetryAfter()
    {
        await using var api = await MediaVaultApi.StartAsync(
            DatabaseProvider.Sqlite, overrides: new Dictionary<string, string?> { ["RateLimiting:AuthPermitsPerMinute"] = "3" });
        using var client = api.CreateClient();
        await RateLimitWindows.AwayFromTheWindowEdgeAsync();
        for (var call = 1; call <= 3; call++)
        {
            (await client.LoginAsync(Mailbox.NewAddress("throttled"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var throttled = await client.PostAsync(new Uri("/api/v1/auth/forgot-password", UriKind.Relative), JsonContent("{\"email\":\"x@example.com\"}"));

        var problem = await throttled.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        problem.GetProperty("type").GetString().ShouldEndWith("too-many-requests");
        throttled.Headers.RetryAfter?.Delta.ShouldNotBeNull().ShouldBeGreaterThan(TimeSpan.Zero);
        (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Start_OutsideDevelopmentWithoutSigningKey_RefusesWithAClearMessage()
    {
        var failure = await Should.ThrowAsync<Exception>(() => MediaVaultApi.StartAsync(
            DatabaseProvider.Sqlite, overrides: new Dictionary<string, string?> { ["Jwt:SigningKey"] = "" }));

        var messages = string.Join(" | ", Chain(failure).Select(e => e.Message));
        messages.ShouldContain("Jwt__SigningKey is not set");
        messages.ShouldContain("refuses to start");
    }

    [Test]
    public async Task Start_WithAShortSigningKey_Refuses()
    {
        var failure = await Should.ThrowAsync<Exception>(() => MediaVaultApi.StartAsync(
            DatabaseProvider.Sqlite, overrides: new Dictionary<string, string?> { ["Jwt:SigningKey"] = "too-short" }));

        string.Join(" | ", Chain(failure).Select(e => e.Message)).ShouldContain("at least 32 bytes");
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }
            }
        }
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
