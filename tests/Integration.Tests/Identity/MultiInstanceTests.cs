using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using MediaVault.Domain.Sharing;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MediaVault.Integration.Tests.Support.SeedSharing;

namespace MediaVault.Integration.Tests.Identity;

/// <summary>
/// Two instances over one database and one object store (S3), each with a data folder of its own: e-mailed links,
/// lockout, sessions, disabling an account, link download and password limits and rate limits do not depend on which
/// instance answers. PostgreSQL is the deployment that matters; SQLite (one file, two hosts) shows the same rules hold.
/// </summary>
[TestFixture(DatabaseProvider.Postgres)]
[TestFixture(DatabaseProvider.Sqlite)]
public sealed class MultiInstanceTests(DatabaseProvider provider)
{
    private MediaVaultApi _first = null!;
    private MediaVaultApi _second = null!;
    private HttpClient _one = null!;
    private HttpClient _two = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var settings = new Dictionary<string, string?>(Mailbox.SmtpSettings()) { ["RateLimiting:PublicLinkPermitsPerMinute"] = "100000" };
        _first = await MediaVaultApi.StartAsync(provider, StorageProvider.S3, overrides: settings);
        _second = await MediaVaultApi.StartSiblingAsync(_first);
        _one = _first.CreateClient();
        _two = _second.CreateClient();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _one.Dispose();
        _two.Dispose();
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    [Test]
    public async Task VerificationLink_MailedByOneInstance_WorksOnTheOther()
    {
        var email = Mailbox.NewAddress("two-instances");
        (await _one.RegisterAsync(email)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var link = await Accounts.LinkFromMailAsync(email, Accounts.VerificationLinkPrefix);

        var response = await _two.FollowAsync(link);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await _first.WithDbAsync(db => db.DataProtectionKeys.CountAsync())).ShouldBeGreaterThan(0);
    }

    [Test]
    public async Task Lockout_ReachedOnOneInstance_HoldsOnTheOther()
    {
        var email = Mailbox.NewAddress("lockout-shared");
        await _one.SignUpAsync(email);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await (attempt % 2 == 0 ? _one : _two).LoginAsync(email, "not the password");
        }

        (await _one.LoginAsync(email)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await _two.LoginAsync(email)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Test]
    public async Task Session_StartedOnOneInstance_IsRefreshedAndGuardedOnTheOther()
    {
        var email = Mailbox.NewAddress("session-shared");
        await _one.SignUpAsync(email);
        var first = await _one.SignInAsync(email);

        var second = await Accounts.ReadTokensAsync(await _two.RefreshAsync(first.RefreshToken));

        (await _one.MeAsync(second.AccessToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        // The spent token replayed on the first instance revokes the whole family, on every instance.
        await (await _one.RefreshAsync(first.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await _two.RefreshAsync(second.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task AccessToken_OfAnAccountDisabledOnOneInstance_Is401OnTheOtherAtTheNextRequest()
    {
        var email = Mailbox.NewAddress("disabled-shared");
        var userId = await _one.SignUpAsync(email);
        var tokens = await _one.SignInAsync(email);
        (await _two.MeAsync(tokens.AccessToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var admin = await _first.AccountAsync(roles: ["admin"]);
        using var adminClient = _first.ClientFor(admin.Id.Value, "admin");

        (await adminClient.PostAsync(Url($"/api/v1/admin/users/{userId}/disable"), null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await _two.MeAsync(tokens.AccessToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await _one.MeAsync(tokens.AccessToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task LinkDownloads_AlternatingInstances_SucceedExactlyMaxDownloadsTimes()
    {
        const int MaxDownloads = 3;
        var owner = await _first.AccountAsync();
        var asset = await _first.AssetAsync(owner.Id);
        using var ownerClient = _first.ClientFor(owner.Id.Value);
        var link = await ownerClient.CreateLinkAsync(asset.Id, new { maxDownloads = MaxDownloads });
        var token = link.GetProperty("token").GetString()!;

        var statuses = new List<HttpStatusCode>();
        for (var call = 0; call < 2 * MaxDownloads; call++)
        {
            using var response = await (call % 2 == 0 ? _one : _two).PostAsync(Url($"/api/v1/public/links/{token}/download"), null);
            statuses.Add(response.StatusCode);
        }

        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(MaxDownloads);
        statuses.Skip(MaxDownloads).ShouldAllBe(s => s == HttpStatusCode.NotFound);
        (await _second.LinkAsync(new LinkId(link.GetProperty("id").GetGuid()))).DownloadCount.ShouldBe(MaxDownloads);
    }

    [Test]
    public async Task LinkPassword_TenWrongOnesAlternatingInstances_Answer429OnBothEvenForTheRightOne()
    {
        const string Password = "the right password";
        var owner = await _first.AccountAsync();
        var asset = await _first.AssetAsync(owner.Id);
        using var ownerClient = _first.ClientFor(owner.Id.Value);
        var token = (await ownerClient.CreateLinkAsync(asset.Id, new { password = Password })).GetProperty("token").GetString()!;

        for (var attempt = 1; attempt <= 10; attempt++)
        {
            await (await DownloadAsync(attempt % 2 == 0 ? _one : _two, token, $"guess {attempt}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        }

        await (await DownloadAsync(_one, token, Password)).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        await (await DownloadAsync(_two, token, Password)).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Test]
    public async Task AuthRateLimit_SplitAcrossInstances_Answers429OnceTheSharedBudgetIsSpent()
    {
        const int Permits = 4;
        // A pair of its own, on a database of its own: the fixture's pair allows many sign-ins for the other tests.
        await using var first = await MediaVaultApi.StartAsync(
            provider, overrides: new Dictionary<string, string?> { ["RateLimiting:AuthPermitsPerMinute"] = Permits.ToString(CultureInfo.InvariantCulture) });
        await using var second = await MediaVaultApi.StartSiblingAsync(first);
        using var one = first.CreateClient();
        using var two = second.CreateClient();
        await RateLimitWindows.AwayFromTheWindowEdgeAsync();

        for (var call = 0; call < Permits; call++)
        {
            await (await (call % 2 == 0 ? one : two).LoginAsync(Mailbox.NewAddress("split"))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        }

        foreach (var client in new[] { one, two })
        {
            using var refused = await client.LoginAsync(Mailbox.NewAddress("split"));
            var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
            problem.GetProperty("type").GetString().ShouldEndWith("too-many-requests");
            refused.Headers.RetryAfter?.Delta.ShouldNotBeNull().ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        }
    }

    private static Task<HttpResponseMessage> DownloadAsync(HttpClient client, string token, string password) =>
        client.PostAsJsonAsync(Url($"/api/v1/public/links/{token}/download"), new { password });
}
