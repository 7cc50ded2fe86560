using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaVault.Domain.Access;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;
using static MediaVault.Integration.Tests.Support.SeedSharing;

namespace MediaVault.Integration.Tests.Sharing;

/// <summary>GET /assets/{id}/activity: every change and download recorded, newest first, keyset pages, owner and managers only.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class ActivityTests(DatabaseProvider provider)
{
    private MediaVaultApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await MediaVaultApi.StartAsync(provider);

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task List_ByOwner_RecordsEverySharingChangeAndDownloadNewestFirstWithActorAndDetails()
    {
        var owner = await _api.AccountAsync();
        var grantee = await _api.AccountAsync();
        var asset = await _api.AssetAsync(owner.Id);
        using var client = _api.ClientFor(owner.Value);
        using var anonymous = _api.CreateClient();
        var grant = await (await client.PostAsJsonAsync(Url($"/api/v1/assets/{asset.Id}/grants"), new { granteeEmail = grantee.Email, role = "viewer" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        var grantId = grant.GetProperty("id").GetGuid();
        (await client.PatchAsJsonAsync(Url($"/api/v1/assets/{asset.Id}/grants/{grantId}"), new { role = "editor" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.DeleteAsync(Url($"/api/v1/assets/{asset.Id}/grants/{grantId}"))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var link = await client.CreateLinkAsync(asset.Id);
        var linkId = link.GetProperty("id").GetGuid();
        (await anonymous.PostAsync(Url($"/api/v1/public/links/{link.GetProperty("token").GetString()}/download"), null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.DeleteAsync(Url($"/api/v1/assets/{asset.Id}/links/{linkId}"))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var items = (await (await client.GetAsync(ActivityUrl(asset.Id.Value))).ShouldBeJsonAsync()).GetProperty("items").EnumerateArray().ToList();

        var actions = items.Select(e => e.GetProperty("action").GetString()).ToList();
        actions.Take(6).ShouldBe(["link.revoked", "link.downloaded", "link.created", "grant.revoked", "grant.updated", "grant.created"]);
        // The seeded asset was registered and completed in one instant: entries of one instant come in id order.
        actions.Skip(6).ShouldBe(["asset.uploaded", "asset.created"], ignoreOrder: true);
        items.Select(e => e.GetProperty("at").GetDateTimeOffset()).ShouldBeInOrder(SortDirection.Descending);
        items.Select(e => e.GetProperty("id").GetGuid()).Distinct().Count().ShouldBe(items.Count);
        items.Single(e => e.GetProperty("action").GetString() == "link.downloaded").GetProperty("actorId").ValueKind.ShouldBe(JsonValueKind.Null);
        items.Where(e => e.GetProperty("action").GetString() != "link.downloaded")
            .ShouldAllBe(e => e.GetProperty("actorId").GetGuid() == owner.Value);
        items.ShouldAllBe(e => e.GetProperty("details").ValueKind == JsonValueKind.Object);
        var created = items.Single(e => e.GetProperty("action").GetString() == "grant.created").GetProperty("details");
        created.GetProperty("grantId").GetGuid().ShouldBe(grantId);
        created.GetProperty("granteeId").GetGuid().ShouldBe(grantee.Value);
        created.GetProperty("role").GetString().ShouldBe("viewer");
        items.Single(e => e.GetProperty("action").GetString() == "grant.updated").GetProperty("details").GetProperty("role").GetString().ShouldBe("editor");
        items.Single(e => e.GetProperty("action").GetString() == "link.downloaded").GetProperty("details").GetProperty("linkId").GetGuid().ShouldBe(linkId);
    }

    [Test]
    public async Task List_InPages_WalksEveryEntryOnceInOrder()
    {
        var owner = await _api.AccountAsync();
        var asset = await _api.AssetAsync(owner.Id);
        for (var i = 0; i < 5; i++)
        {
            var grantee = await _api.AccountAsync();
            await _api.ShareAsync(asset.Id, grantee.Id, AccessRole.Viewer);
        }

        using var client = _api.ClientFor(owner.Value);
        var all = (await (await client.GetAsync(ActivityUrl(asset.Id.Value))).ShouldBeJsonAsync()).GetProperty("items")
            .EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();
        all.Count.ShouldBe(7);

        var walked = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await (await client.GetAsync(ActivityUrl(asset.Id.Value, $"?limit=3{(cursor is null ? "" : $"&cursor={cursor}")}"))).ShouldBeJsonAsync();
            walked.AddRange(page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 10);

        pages.ShouldBe(3);
        walked.ShouldBe(all);
    }

    [TestCase("?limit=0", "limit")]
    [TestCase("?limit=101", "limit")]
    [TestCase("?cursor=not-a-cursor", "cursor")]
    public async Task List_WithBadPaging_Is400NamingTheParameter(string query, string field)
    {
        var owner = await _api.AccountAsync();
        var asset = await _api.AssetAsync(owner.Id);
        using var client = _api.ClientFor(owner.Value);

        var problem = await (await client.GetAsync(ActivityUrl(asset.Id.Value, query))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Test]
    public async Task List_ByManager_Is200()
    {
        var owner = await _api.AccountAsync();
        var asset = await _api.AssetAsync(owner.Id);
        var manager = await _api.AccountAsync();
        await _api.ShareAsync(asset.Id, manager.Id, AccessRole.Manager);
        using var client = _api.ClientFor(manager.Value);

        var items = (await (await client.GetAsync(ActivityUrl(asset.Id.Value))).ShouldBeJsonAsync()).GetProperty("items");

        items.GetArrayLength().ShouldBe(3);
    }

    [TestCase(AccessRole.Editor)]
    [TestCase(AccessRole.Viewer)]
    public async Task List_ByEditorOrViewer_Is403(AccessRole role)
    {
        var owner = await _api.AccountAsync();
        var asset = await _api.AssetAsync(owner.Id);
        var grantee = await _api.AccountAsync();
        await _api.ShareAsync(asset.Id, grantee.Id, role);
        using var client = _api.ClientFor(grantee.Value);

        await (await client.GetAsync(ActivityUrl(asset.Id.Value))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task List_ByStrangerOrForAMissingAsset_Is404()
    {
        var owner = await _api.AccountAsync();
        var asset = await _api.AssetAsync(owner.Id);
        var stranger = await _api.AccountAsync();
        using var client = _api.ClientFor(stranger.Value);

        await (await client.GetAsync(ActivityUrl(asset.Id.Value))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync(ActivityUrl(Guid.NewGuid()))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private static Uri ActivityUrl(Guid assetId, string query = "") => Url($"/api/v1/assets/{assetId}/activity{query}");
}
