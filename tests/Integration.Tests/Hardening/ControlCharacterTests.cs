using System.Net.Http.Json;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MediaVault.Integration.Tests.Support.SeedSharing;

namespace MediaVault.Integration.Tests.Hardening;

/// <summary>
/// Control characters in free text (FreeText, ADR-050): NUL and every other C0 or C1 control is a 400 naming the field,
/// never the 503 PostgreSQL's refusal of NUL used to become; tab and line breaks are text in a description.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class ControlCharacterTests(DatabaseProvider provider)
{
    /// <summary>NUL, other C0 controls, DEL and C1 controls (NEL, the last C1).</summary>
    private static readonly string[] Controls = ["\u0000", "\u0001", "\u0007", "\u001b", "\u007f", "\u0085", "\u009f"];

    private MediaVaultApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await MediaVaultApi.StartAsync(provider);

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [TestCaseSource(nameof(Controls))]
    public async Task CreateAsset_WithControlCharacterInTitle_Answers400NamingTitle(string control)
    {
        using var client = _api.ClientFor((await _api.OwnerAsync()).Value);

        var response = await client.PostAsJsonAsync(Url("/api/v1/assets"), Asset(title: $"before{control}after"));

        await response.ShouldBeValidationProblemAsync("title");
    }

    [TestCaseSource(nameof(Controls))]
    public async Task CreateAsset_WithControlCharacterInDescription_Answers400NamingDescription(string control)
    {
        using var client = _api.ClientFor((await _api.OwnerAsync()).Value);

        var response = await client.PostAsJsonAsync(Url("/api/v1/assets"), Asset(description: $"line one{control}line two"));

        await response.ShouldBeValidationProblemAsync("description");
    }

    [Test]
    public async Task CreateAsset_WithTabAndLineBreaksInDescription_Answers201AndKeepsThem()
    {
        using var client = _api.ClientFor((await _api.OwnerAsync()).Value);

        var created = await client.RegisterAsync("lines.png", "image/png", 100, extra: new { description = "one\ttwo\nthree\r\nfour" });

        created.GetProperty("asset").GetProperty("description").GetString().ShouldBe("one\ttwo\nthree\r\nfour");
    }

    [TestCase("\u0000")]
    [TestCase("\u0085")]
    public async Task CreateAsset_WithControlCharacterInTag_Answers400NamingTags(string control)
    {
        using var client = _api.ClientFor((await _api.OwnerAsync()).Value);

        var response = await client.PostAsJsonAsync(Url("/api/v1/assets"), Asset(tags: ["holiday", $"beach{control}"]));

        await response.ShouldBeValidationProblemAsync("tags");
    }

    [TestCase("title", "\u0000")]
    [TestCase("description", "\u0000")]
    [TestCase("tags", "\u0000")]
    [TestCase("title", "\u0085")]
    public async Task UpdateAsset_WithControlCharacter_Answers400NamingTheField(string field, string control)
    {
        var owner = await _api.OwnerAsync();
        var asset = await _api.AssetAsync(owner, title: "unchanged");
        using var client = _api.ClientFor(owner.Value);
        object body = field switch
        {
            "title" => new { title = $"new{control}" },
            "description" => new { description = $"new{control}" },
            _ => new { tags = new[] { $"new{control}" } },
        };

        var response = await client.PatchAsJsonAsync(Url($"/api/v1/assets/{asset.Id}"), body);

        await response.ShouldBeValidationProblemAsync(field);
        (await _api.WithDbAsync(db => db.Assets.AsNoTracking().Where(a => a.Id == asset.Id).Select(a => a.Title).SingleAsync())).ShouldBe("unchanged");
    }

    [TestCase("\u0000")]
    [TestCase("\u001f")]
    [TestCase("\u0085")]
    public async Task Register_WithControlCharacterInDisplayName_Answers400NamingDisplayName(string control)
    {
        using var client = _api.CreateClient();

        var response = await client.RegisterAsync(SeedAccounts.NewEmail("control"), displayName: $"Pat{control}Person");

        await response.ShouldBeValidationProblemAsync("displayName");
    }

    [TestCase("%00")]
    [TestCase("a%00b")]
    [TestCase("%1B")]
    [TestCase("%C2%85")]
    public async Task ListAssets_WithControlCharacterInQ_Answers400NamingQ(string q)
    {
        using var client = _api.ClientFor((await _api.OwnerAsync()).Value);

        var response = await client.GetAsync(Url($"/api/v1/assets?q={q}"));

        await response.ShouldBeValidationProblemAsync("q");
    }

    [TestCase("%00")]
    [TestCase("%C2%9F")]
    public async Task ListUsers_WithControlCharacterInQ_Answers400NamingQ(string q)
    {
        var admin = await _api.AccountAsync(roles: ["admin"]);
        using var client = _api.ClientFor(admin.Value, "admin");

        var response = await client.GetAsync(Url($"/api/v1/admin/users?q={q}"));

        await response.ShouldBeValidationProblemAsync("q");
    }

    [Test]
    public async Task ListAssets_WithOrdinaryUnicodeInQ_Answers200()
    {
        var owner = await _api.OwnerAsync();
        await _api.AssetAsync(owner, title: "Café 🌍 ☕");
        using var client = _api.ClientFor(owner.Value);

        var body = await (await client.GetAsync(Url("/api/v1/assets?q=caf%C3%A9%20%F0%9F%8C%8D"))).ShouldBeJsonAsync();

        body.GetProperty("items").GetArrayLength().ShouldBe(1);
    }

    private static Dictionary<string, object?> Asset(string? title = null, string? description = null, string[]? tags = null) => new()
    {
        ["fileName"] = "photo.png",
        ["contentType"] = "image/png",
        ["sizeBytes"] = 100,
        ["title"] = title,
        ["description"] = description,
        ["tags"] = tags,
    };
}
