using System.Net;
using System.Text.Json;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MediaVault.Integration.Tests.Support.SeedSharing;

namespace MediaVault.Integration.Tests.Administration;

/// <summary>GET /admin/users and POST /admin/users/{id}/disable|enable: administrators manage accounts, never content.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class AdminUsersTests(DatabaseProvider provider)
{
    private MediaVaultApi _api = null!;
    private TestAccount _admin = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await MediaVaultApi.StartAsync(provider);
        _admin = await _api.AccountAsync(roles: ["admin"], createdAt: DateTimeOffset.UtcNow.AddYears(-1));
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task ListUsers_ByAdmin_ShowsEachAccountsFieldsAndStorageButNoContent()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var person = await _api.AccountAsync(email: $"{tag}@example.com", displayName: "Pat Person", emailConfirmed: false, disabled: true);
        await _api.AssetAsync(person.Id);
        await _api.AssetAsync(person.Id, "song.mp3", "audio/mpeg");
        using var client = AdminClient();

        var body = await (await client.GetAsync(Url($"/api/v1/admin/users?q={tag}"))).ShouldBeJsonAsync();

        var item = body.GetProperty("items").EnumerateArray().Single();
        item.GetProperty("id").GetGuid().ShouldBe(person.Value);
        item.GetProperty("email").GetString().ShouldBe(person.Email);
        item.GetProperty("displayName").GetString().ShouldBe("Pat Person");
        item.GetProperty("emailVerified").GetBoolean().ShouldBeFalse();
        item.GetProperty("disabled").GetBoolean().ShouldBeTrue();
        item.GetProperty("roles").GetArrayLength().ShouldBe(0);
        item.GetProperty("storageUsedBytes").GetInt64().ShouldBe(2 * 1234);
        item.GetProperty("assetCount").GetInt32().ShouldBe(2);
        item.GetProperty("createdAt").GetDateTimeOffset().ShouldBe(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        item.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["id", "email", "displayName", "emailVerified", "disabled", "roles", "storageUsedBytes", "assetCount", "createdAt"], ignoreOrder: true);
        body.GetProperty("nextCursor").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Test]
    public async Task ListUsers_ShowsRolesAndAnAccountWithoutAssetsAsEmpty()
    {
        using var client = AdminClient();

        var body = await (await client.GetAsync(Url($"/api/v1/admin/users?q={_admin.Email}"))).ShouldBeJsonAsync();

        var item = body.GetProperty("items").EnumerateArray().Single();
        item.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["admin"]);
        item.GetProperty("assetCount").GetInt32().ShouldBe(0);
        item.GetProperty("storageUsedBytes").GetInt64().ShouldBe(0);
    }

    [Test]
    public async Task ListUsers_MatchesQAgainstEmailAndDisplayNameIgnoringCase()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var byEmail = await _api.AccountAsync(email: $"mail-{tag}@example.com");
        var byName = await _api.AccountAsync(displayName: $"Name {tag.ToUpperInvariant()}");
        await _api.AccountAsync();
        using var client = AdminClient();

        var body = await (await client.GetAsync(Url($"/api/v1/admin/users?q={tag.ToUpperInvariant()[..6]}"))).ShouldBeJsonAsync();

        body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())
            .ShouldBe([byName.Value, byEmail.Value], ignoreOrder: true);
    }

    [Test]
    public async Task ListUsers_TreatsLikeWildcardsInQLiterally()
    {
        using var client = AdminClient();

        var body = await (await client.GetAsync(Url("/api/v1/admin/users?q=%25_%25"))).ShouldBeJsonAsync();

        body.GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Test]
    public async Task ListUsers_InPages_WalksNewestFirstWithoutGapsOrRepeats()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var start = DateTimeOffset.UtcNow.AddDays(-10);
        for (var i = 0; i < 5; i++)
        {
            // Two share an instant: the id breaks the tie.
            await _api.AccountAsync(displayName: $"Page {tag} {i}", createdAt: start.AddMinutes(i == 4 ? 3 : i));
        }

        using var client = AdminClient();
        var walked = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await (await client.GetAsync(Url($"/api/v1/admin/users?q={tag}&limit=2{(cursor is null ? "" : $"&cursor={cursor}")}"))).ShouldBeJsonAsync();
            walked.AddRange(page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 10);

        pages.ShouldBe(3);
        walked.Count.ShouldBe(5);
        walked.ShouldBeUnique();
        walked.ShouldBe(await _api.WithDbAsync(db => db.Users
            .Where(u => u.DisplayName.StartsWith($"Page {tag}"))
            .OrderByDescending(u => u.CreatedAt).ThenByDescending(u => u.Id)
            .Select(u => u.Id).ToListAsync()));
    }

    [TestCase("limit=0", "limit")]
    [TestCase("limit=101", "limit")]
    [TestCase("cursor=bogus", "cursor")]
    public async Task ListUsers_WithBadPaging_Is400(string query, string field)
    {
        using var client = AdminClient();

        var problem = await (await client.GetAsync(Url($"/api/v1/admin/users?{query}"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Test]
    public async Task AdminEndpoints_ForANonAdmin_Are403AndForAnonymous401()
    {
        var person = await _api.AccountAsync();
        var target = await _api.AccountAsync();
        using var client = _api.ClientFor(person.Value);
        using var anonymous = _api.CreateClient();

        await (await client.GetAsync(Url("/api/v1/admin/users"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostAsync(Url($"/api/v1/admin/users/{target.Value}/disable"), null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostAsync(Url($"/api/v1/admin/users/{Guid.NewGuid()}/enable"), null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await anonymous.GetAsync(Url("/api/v1/admin/users"))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsync(Url($"/api/v1/admin/users/{target.Value}/disable"), null)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await _api.IsDisabledAsync(target.Id)).ShouldBeFalse();
    }

    [Test]
    public async Task Disable_ThenEnable_Are204AndChangeTheAccountAndItsSecurityStamp()
    {
        var person = await _api.AccountAsync();
        var stampBefore = await SecurityStampAsync(person);
        using var client = AdminClient();

        (await client.PostAsync(Url($"/api/v1/admin/users/{person.Value}/disable"), null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _api.IsDisabledAsync(person.Id)).ShouldBeTrue();
        var stampDisabled = await SecurityStampAsync(person);
        stampDisabled.ShouldNotBe(stampBefore);
        (await client.PostAsync(Url($"/api/v1/admin/users/{person.Value}/disable"), null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await client.PostAsync(Url($"/api/v1/admin/users/{person.Value}/enable"), null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _api.IsDisabledAsync(person.Id)).ShouldBeFalse();
        (await SecurityStampAsync(person)).ShouldNotBe(stampDisabled);
    }

    [Test]
    public async Task DisableOrEnable_AnUnknownAccount_Is404()
    {
        using var client = AdminClient();

        await (await client.PostAsync(Url($"/api/v1/admin/users/{Guid.NewGuid()}/disable"), null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsync(Url($"/api/v1/admin/users/{Guid.NewGuid()}/enable"), null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Disable_OfTheAdminsOwnAccount_Is409()
    {
        using var client = AdminClient();

        await (await client.PostAsync(Url($"/api/v1/admin/users/{_admin.Value}/disable"), null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await _api.IsDisabledAsync(_admin.Id)).ShouldBeFalse();
    }

    [Test]
    public async Task Admin_IsAStrangerToOtherPeoplesAssets()
    {
        var owner = await _api.AccountAsync();
        var asset = await _api.AssetAsync(owner.Id);
        using var client = AdminClient();

        await (await client.GetAsync(Url($"/api/v1/assets/{asset.Id}"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync(Url($"/api/v1/assets/{asset.Id}/grants"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync(Url($"/api/v1/assets/{asset.Id}/activity"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var listed = await (await client.GetAsync(Url("/api/v1/assets?scope=all"))).ShouldBeJsonAsync();
        listed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldNotContain(asset.Id.Value);
    }

    private HttpClient AdminClient() => _api.ClientFor(_admin.Value, "admin");

    private Task<string?> SecurityStampAsync(TestAccount account) =>
        _api.WithDbAsync(db => db.Users.Where(u => u.Id == account.Value).Select(u => u.SecurityStamp).SingleAsync());
}
