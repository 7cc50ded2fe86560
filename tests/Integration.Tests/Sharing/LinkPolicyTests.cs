using System.Net;
using System.Net.Http.Json;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;
using static MediaVault.Integration.Tests.Support.SeedSharing;

namespace MediaVault.Integration.Tests.Sharing;

/// <summary>
/// Links__DefaultExpiryDays and Links__MaxExpiryDays, for asset links and collection links alike: one host configured
/// with a default expiry, one with a maximum.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class LinkPolicyTests(DatabaseProvider provider)
{
    private const int DefaultDays = 7;
    private const int MaxDays = 30;
    private MediaVaultApi _defaulting = null!;
    private MediaVaultApi _capped = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _defaulting = await MediaVaultApi.StartAsync(provider, overrides: new Dictionary<string, string?> { ["Links:DefaultExpiryDays"] = $"{DefaultDays}" });
        _capped = await MediaVaultApi.StartAsync(provider, overrides: new Dictionary<string, string?> { ["Links:MaxExpiryDays"] = $"{MaxDays}" });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _defaulting.DisposeAsync();
        await _capped.DisposeAsync();
    }

    [TestCase("asset")]
    [TestCase("view")]
    [TestCase("upload")]
    public async Task Create_WithoutExpiresAtWhenDefaultExpiryDaysIsSet_GivesTheLinkTheDefaultExpiry(string kind)
    {
        var (client, url) = await LinksOfAsync(_defaulting, kind);
        using (client)
        {
            var body = await (await client.PostAsJsonAsync(url, Body(kind, expiresAt: null))).ShouldBeJsonAsync(HttpStatusCode.Created);

            body.GetProperty("expiresAt").GetDateTimeOffset().ShouldBe(DateTimeOffset.UtcNow.AddDays(DefaultDays), TimeSpan.FromMinutes(1));
        }
    }

    [TestCase("asset")]
    [TestCase("view")]
    public async Task Create_WithExpiresAtWhenDefaultExpiryDaysIsSet_KeepsTheExpiryAskedFor(string kind)
    {
        var asked = DateTimeOffset.UtcNow.AddDays(60);
        var (client, url) = await LinksOfAsync(_defaulting, kind);
        using (client)
        {
            var body = await (await client.PostAsJsonAsync(url, Body(kind, asked))).ShouldBeJsonAsync(HttpStatusCode.Created);

            body.GetProperty("expiresAt").GetDateTimeOffset().ShouldBe(asked, TimeSpan.FromMilliseconds(1));
        }
    }

    [TestCase("asset", null)]
    [TestCase("asset", MaxDays + 1)]
    [TestCase("view", null)]
    [TestCase("view", MaxDays + 1)]
    [TestCase("upload", null)]
    [TestCase("upload", MaxDays + 1)]
    public async Task Create_WhenMaxExpiryDaysIsSet_RefusesNoExpiryOrALaterOneWith400OnExpiresAt(string kind, int? days)
    {
        var (client, url) = await LinksOfAsync(_capped, kind);
        using (client)
        {
            using var response = await client.PostAsJsonAsync(url, Body(kind, days is { } d ? DateTimeOffset.UtcNow.AddDays(d) : null));

            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            problem.GetProperty("errors").TryGetProperty("expiresAt", out _).ShouldBeTrue(problem.ToString());
        }
    }

    [TestCase("asset")]
    [TestCase("view")]
    public async Task Create_WhenMaxExpiryDaysIsSet_AcceptsAnExpiryWithinIt(string kind)
    {
        var (client, url) = await LinksOfAsync(_capped, kind);
        using (client)
        {
            await (await client.PostAsJsonAsync(url, Body(kind, DateTimeOffset.UtcNow.AddDays(MaxDays - 1)))).ShouldBeJsonAsync(HttpStatusCode.Created);
        }
    }

    private static object Body(string kind, DateTimeOffset? expiresAt) =>
        kind == "asset" ? new { expiresAt } : new { kind, expiresAt };

    /// <summary>A client of a fresh owner and the URL that creates links on its new asset, or on its new collection.</summary>
    private static async Task<(HttpClient Client, Uri Url)> LinksOfAsync(MediaVaultApi api, string kind)
    {
        var owner = await api.AccountAsync();
        var asset = await api.AssetAsync(owner.Id);
        var url = kind == "asset"
            ? Url($"/api/v1/assets/{asset.Id}/links")
            : Url($"/api/v1/collections/{(await api.AlbumAsync(owner.Id, asset)).Id}/links");
        return (api.ClientFor(owner.Value), url);
    }
}
