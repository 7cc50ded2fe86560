using System.Net;
using System.Net.Http.Json;
using MediaVault.Domain.Assets;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;
using static MediaVault.Integration.Tests.Support.SeedSharing;

namespace MediaVault.Integration.Tests.Hardening;

/// <summary>
/// Link passwords (ADR-055): at least <c>Links__MinPasswordLength</c> characters (default 8), and after 10 wrong ones
/// within 15 minutes the link answers 429 with Retry-After to every attempt, the right password included, while other
/// links are unaffected.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class LinkPasswordTests(DatabaseProvider provider)
{
    private const string Password = "open sesame";

    private MediaVaultApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await MediaVaultApi.StartAsync(
        provider, overrides: new Dictionary<string, string?> { ["RateLimiting:PublicLinkPermitsPerMinute"] = "100000" });

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [TestCase("x")]
    [TestCase("1234567")]
    public async Task CreateLink_WithPasswordShorterThanTheMinimum_Answers400NamingPassword(string password)
    {
        var (client, asset) = await OwnerWithAssetAsync();
        using var _ = client;

        var response = await client.PostAsJsonAsync(Url($"/api/v1/assets/{asset.Id}/links"), new { password });

        var problem = await response.ShouldBeValidationProblemAsync("password");
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Test]
    public async Task CreateLink_WithPasswordOfTheMinimumLength_Answers201()
    {
        var (client, asset) = await OwnerWithAssetAsync();
        using var _ = client;

        var link = await client.CreateLinkAsync(asset.Id, new { password = "12345678" });

        link.GetProperty("hasPassword").GetBoolean().ShouldBeTrue();
    }

    [Test]
    public async Task CreateLink_WithAConfiguredMinimum_RefusesShorterPasswords()
    {
        await using var api = await MediaVaultApi.StartAsync(provider, overrides: new Dictionary<string, string?> { ["Links:MinPasswordLength"] = "12" });
        var owner = await api.OwnerAsync();
        var asset = await api.AssetAsync(owner);
        using var client = api.ClientFor(owner.Value);

        await (await client.PostAsJsonAsync(Url($"/api/v1/assets/{asset.Id}/links"), new { password = "elevenchars" })).ShouldBeValidationProblemAsync("password");
        (await client.PostAsJsonAsync(Url($"/api/v1/assets/{asset.Id}/links"), new { password = "twelve chars" })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Test]
    public async Task Download_AfterTenWrongPasswords_Answers429WithRetryAfterEvenForTheRightPasswordAndOtherLinksStillWork()
    {
        var (client, asset) = await OwnerWithAssetAsync();
        using var _ = client;
        var attacked = (await client.CreateLinkAsync(asset.Id, new { password = Password })).GetProperty("token").GetString()!;
        var other = (await client.CreateLinkAsync(asset.Id, new { password = Password })).GetProperty("token").GetString()!;
        using var anonymous = _api.CreateClient();

        for (var attempt = 1; attempt <= 10; attempt++)
        {
            await (await DownloadAsync(anonymous, attacked, $"guess {attempt}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        }

        var eleventh = await DownloadAsync(anonymous, attacked, Password);

        var problem = await eleventh.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        problem.ShouldHaveEveryProblemMember();
        (eleventh.Headers.RetryAfter?.Delta ?? throw new AssertionException("Retry-After is missing."))
            .ShouldBeInRange(TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        (await DownloadAsync(anonymous, other, Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Download_AfterNineWrongPasswords_StillAcceptsTheRightOne()
    {
        var (client, asset) = await OwnerWithAssetAsync();
        using var _ = client;
        var token = (await client.CreateLinkAsync(asset.Id, new { password = Password })).GetProperty("token").GetString()!;
        using var anonymous = _api.CreateClient();

        for (var attempt = 1; attempt <= 9; attempt++)
        {
            await (await DownloadAsync(anonymous, token, $"guess {attempt}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        }

        (await DownloadAsync(anonymous, token, Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Download_TwentyWrongPasswordsAtOnce_CountEveryFailureSoTheRightOneIsThen429()
    {
        var (client, asset) = await OwnerWithAssetAsync();
        using var _ = client;
        var token = (await client.CreateLinkAsync(asset.Id, new { password = Password })).GetProperty("token").GetString()!;

        var guesses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            using var guesser = _api.CreateClient();
            return await DownloadAsync(guesser, token, $"guess {i}");
        }));

        guesses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Unauthorized || r.StatusCode == HttpStatusCode.TooManyRequests);
        using var anonymous = _api.CreateClient();
        await (await DownloadAsync(anonymous, token, Password)).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
    }

    private static Task<HttpResponseMessage> DownloadAsync(HttpClient client, string token, string password) =>
        client.PostAsJsonAsync(Url($"/api/v1/public/links/{token}/download"), new { password });

    private async Task<(HttpClient Client, Asset Asset)> OwnerWithAssetAsync()
    {
        var owner = await _api.OwnerAsync();
        var asset = await _api.AssetAsync(owner);
        return (_api.ClientFor(owner.Value), asset);
    }
}
