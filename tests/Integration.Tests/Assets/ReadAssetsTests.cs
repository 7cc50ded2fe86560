using System.Net;
using System.Text.Json;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;

namespace MediaVault.Integration.Tests.Assets;

/// <summary>GET /assets/{id} and GET /assets: private by default, visibility applied by the database, keyset pages.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class ReadAssetsTests(DatabaseProvider provider)
{
    private MediaVaultApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await MediaVaultApi.StartAsync(provider);

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task Get_ByOwner_ShowsAssetWithOwnerCapabilities()
    {
        var owner = await _api.OwnerAsync();
        var asset = await _api.AssetAsync(owner, "Sunset.JPG", title: "Sunset", tags: ["beach", "summer"]);
        using var client = _api.ClientFor(owner.Value);

        var body = await (await client.GetAsync(Url($"/api/v1/assets/{asset.Id}"))).ShouldBeJsonAsync();

        body.GetProperty("id").GetGuid().ShouldBe(asset.Id.Value);
        body.GetProperty("ownerId").GetGuid().ShouldBe(owner.Value);
        body.GetProperty("title").GetString().ShouldBe("Sunset");
        body.GetProperty("fileName").GetString().ShouldBe("Sunset.JPG");
        body.GetProperty("kind").GetString().ShouldBe("image");
        body.GetProperty("status").GetString().ShouldBe("ready");
        body.GetProperty("description").ValueKind.ShouldBe(JsonValueKind.Null);
        body.GetProperty("sha256").ValueKind.ShouldBe(JsonValueKind.Null);
        body.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldBe(["beach", "summer"], ignoreOrder: true);
        var access = body.GetProperty("access");
        access.GetProperty("role").GetString().ShouldBe("owner");
        access.GetProperty("canDelete").GetBoolean().ShouldBeTrue();
    }

    [Test]
    public async Task Get_ByStranger_Is404IndistinguishableFromMissing()
    {
        var owner = await _api.OwnerAsync();
        var stranger = await _api.OwnerAsync();
        var asset = await _api.AssetAsync(owner);
        using var client = _api.ClientFor(stranger.Value);

        var hidden = await (await client.GetAsync(Url($"/api/v1/assets/{asset.Id}"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var missing = await (await client.GetAsync(Url($"/api/v1/assets/{Guid.NewGuid()}"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        Strip(hidden).ShouldBe(Strip(missing));
    }

    [Test]
    public async Task Get_ByAdminWhoIsNotGrantee_Is404()
    {
        var owner = await _api.OwnerAsync();
        var admin = await _api.OwnerAsync();
        var asset = await _api.AssetAsync(owner);
        using var client = _api.ClientFor(admin.Value, "admin");

        await (await client.GetAsync(Url($"/api/v1/assets/{asset.Id}"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [TestCase(AccessRole.Viewer, false, false)]
    [TestCase(AccessRole.Editor, true, false)]
    [TestCase(AccessRole.Manager, true, true)]
    public async Task Get_ByGrantee_ShowsRoleCapabilities(AccessRole role, bool canEdit, bool canShare)
    {
        var owner = await _api.OwnerAsync();
        var grantee = await _api.OwnerAsync();
        var asset = await _api.AssetAsync(owner);
        await _api.GrantAsync(asset.Id, grantee, role);
        using var client = _api.ClientFor(grantee.Value);

        var access = (await (await client.GetAsync(Url($"/api/v1/assets/{asset.Id}"))).ShouldBeJsonAsync()).GetProperty("access");

        access.GetProperty("role").GetString().ShouldBe(role.ToString().ToLowerInvariant());
        access.GetProperty("canView").GetBoolean().ShouldBeTrue();
        access.GetProperty("canDownload").GetBoolean().ShouldBeTrue();
        access.GetProperty("canEdit").GetBoolean().ShouldBe(canEdit);
        access.GetProperty("canShare").GetBoolean().ShouldBe(canShare);
        access.GetProperty("canDelete").GetBoolean().ShouldBeFalse();
    }

    [Test]
    public async Task Get_WithExpiredGrant_Is404()
    {
        var owner = await _api.OwnerAsync();
        var grantee = await _api.OwnerAsync();
        var asset = await _api.AssetAsync(owner);
        await _api.GrantAsync(asset.Id, grantee, AccessRole.Viewer);
        await _api.ExpireGrantsAsync(asset.Id);
        using var client = _api.ClientFor(grantee.Value);

        await (await client.GetAsync(Url($"/api/v1/assets/{asset.Id}"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Get_WithRevokedGrant_Is404()
    {
        var owner = await _api.OwnerAsync();
        var grantee = await _api.OwnerAsync();
        var asset = await _api.AssetAsync(owner);
        await _api.GrantAsync(asset.Id, grantee, AccessRole.Manager, revoke: true);
        using var client = _api.ClientFor(grantee.Value);

        await (await client.GetAsync(Url($"/api/v1/assets/{asset.Id}"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Get_PendingAssetByGrantee_Is404ButOwnerSeesIt()
    {
        var owner = await _api.OwnerAsync();
        var grantee = await _api.OwnerAsync();
        var asset = await _api.AssetAsync(owner, ready: false);
        await _api.GrantAsync(asset.Id, grantee, AccessRole.Viewer);
        using var granteeClient = _api.ClientFor(grantee.Value);
        using var ownerClient = _api.ClientFor(owner.Value);

        await (await granteeClient.GetAsync(Url($"/api/v1/assets/{asset.Id}"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var body = await (await ownerClient.GetAsync(Url($"/api/v1/assets/{asset.Id}"))).ShouldBeJsonAsync();
        body.GetProperty("status").GetString().ShouldBe("pending");
        body.GetProperty("access").GetProperty("canDownload").GetBoolean().ShouldBeFalse();
    }

    [Test]
    public async Task List_AppliesVisibilityPerScope()
    {
        var me = await _api.OwnerAsync();
        var other = await _api.OwnerAsync();
        var mine = await _api.AssetAsync(me, "mine.png", "image/png");
        var myPending = await _api.AssetAsync(me, "pending.png", "image/png", ready: false);
        var sharedWithMe = await _api.AssetAsync(other, "shared.mp3", "audio/mpeg");
        var expired = await _api.AssetAsync(other, "expired.mp3", "audio/mpeg");
        var revoked = await _api.AssetAsync(other, "revoked.mp3", "audio/mpeg");
        var notShared = await _api.AssetAsync(other, "private.mp4", "video/mp4");
        await _api.GrantAsync(sharedWithMe.Id, me, AccessRole.Editor);
        await _api.GrantAsync(expired.Id, me, AccessRole.Editor);
        await _api.ExpireGrantsAsync(expired.Id);
        await _api.GrantAsync(revoked.Id, me, AccessRole.Editor, revoke: true);
        using var client = _api.ClientFor(me.Value);

        var all = await ListIdsAsync(client, "");
        var owned = await ListIdsAsync(client, "?scope=owned");
        var shared = await ListIdsAsync(client, "?scope=shared");

        all.ShouldBe([myPending.Id.Value, mine.Id.Value, sharedWithMe.Id.Value], ignoreOrder: true);
        owned.ShouldBe([myPending.Id.Value, mine.Id.Value], ignoreOrder: true);
        shared.ShouldBe([sharedWithMe.Id.Value]);
        all.ShouldNotContain(notShared.Id.Value);
    }

    [Test]
    public async Task List_IsNewestFirst()
    {
        var me = await _api.OwnerAsync();
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        var first = await _api.AssetAsync(me, createdAt: start);
        var second = await _api.AssetAsync(me, createdAt: start.AddMinutes(1));
        var third = await _api.AssetAsync(me, createdAt: start.AddMinutes(2));
        using var client = _api.ClientFor(me.Value);

        (await ListIdsAsync(client, "?scope=owned")).ShouldBe([third.Id.Value, second.Id.Value, first.Id.Value]);
    }

    [Test]
    public async Task List_FiltersByKindTagAndTextCaseInsensitively()
    {
        var me = await _api.OwnerAsync();
        var song = await _api.AssetAsync(me, "song.mp3", "audio/mpeg", title: "Morning Song", tags: ["music"]);
        var clip = await _api.AssetAsync(me, "clip.mp4", "video/mp4", description: "A SONG at night", tags: ["music", "live"]);
        var photo = await _api.AssetAsync(me, "SongBook.jpg", "image/jpeg", tags: ["paper"]);
        var other = await _api.AssetAsync(me, "other.jpg", "image/jpeg", title: "100% done_ok");
        var accented = await _api.AssetAsync(me, "dance.jpg", "image/jpeg", title: "Un élan vital");
        using var client = _api.ClientFor(me.Value);

        (await ListIdsAsync(client, "?kind=audio")).ShouldBe([song.Id.Value]);
        (await ListIdsAsync(client, "?tag=music")).ShouldBe([clip.Id.Value, song.Id.Value]);
        (await ListIdsAsync(client, "?tag=MUSIC&kind=video")).ShouldBe([clip.Id.Value]);
        (await ListIdsAsync(client, "?q=song")).ShouldBe([photo.Id.Value, clip.Id.Value, song.Id.Value]);
        (await ListIdsAsync(client, "?q=100%25")).ShouldBe([other.Id.Value]);
        (await ListIdsAsync(client, "?q=e_o")).ShouldBe([other.Id.Value]);
        (await ListIdsAsync(client, $"?q={Uri.EscapeDataString("ÉLAN")}")).ShouldBe([accented.Id.Value]);
    }

    [Test]
    public async Task List_SharedThroughEveryPath_FiltersByKindTagAndTextLikeOwnAssets()
    {
        // One asset of each kind reached by each shared path (a grant to me, to my group, a collection granted to me):
        // every path's arm applies the same filters (on PostgreSQL each arm is its own SQL, ADR-076).
        var me = await _api.OwnerAsync();
        var other = await _api.OwnerAsync();
        var group = await _api.GroupAsync(other, me);
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        var byPath = new List<(Guid Song, Guid Clip)>();
        var viaCollection = new List<AssetId>();
        for (var path = 0; path < 3; path++)
        {
            var song = await _api.AssetAsync(other, "song.mp3", "audio/mpeg", title: "Morning Song", tags: ["music"], createdAt: start.AddMinutes(path * 2));
            var clip = await _api.AssetAsync(other, "clip.mp4", "video/mp4", description: "A SONG at night", tags: ["live"], createdAt: start.AddMinutes((path * 2) + 1));
            foreach (var asset in new[] { song, clip })
            {
                switch (path)
                {
                    case 0: await _api.ShareAsync(asset.Id, Grantee.OfPerson(me), AccessRole.Viewer); break;
                    case 1: await _api.ShareAsync(asset.Id, Grantee.OfGroup(group.Id), AccessRole.Viewer); break;
                    default: viaCollection.Add(asset.Id); break;
                }
            }

            byPath.Add((song.Id.Value, clip.Id.Value));
        }

        await _api.CollectionAsync(other, viaCollection, Grantee.OfPerson(me), AccessRole.Viewer);
        var unrelated = await _api.AssetAsync(other, "song2.mp3", "audio/mpeg", title: "Song", tags: ["music"]);
        using var client = _api.ClientFor(me.Value);
        var songs = byPath.Select(p => p.Song).Reverse().ToList();
        var clips = byPath.Select(p => p.Clip).Reverse().ToList();

        (await ListIdsAsync(client, "?scope=shared&kind=audio")).ShouldBe(songs);
        (await ListIdsAsync(client, "?scope=shared&tag=LIVE")).ShouldBe(clips);
        (await ListIdsAsync(client, "?scope=all&q=MORNING%20")).ShouldBe(songs);
        (await ListIdsAsync(client, "?scope=shared&q=night")).ShouldBe(clips);
        (await ListIdsAsync(client, "?scope=all&q=song&kind=video")).ShouldBe(clips);
        (await ListIdsAsync(client, "?scope=shared&q=nothing-matches")).ShouldBeEmpty();
        (await ListIdsAsync(client, "?scope=all&q=song")).ShouldNotContain(unrelated.Id.Value);
    }

    [Test]
    public async Task List_WalkingAllPages_ReturnsEveryVisibleAssetOnce_WhileAssetsAreAdded()
    {
        var me = await _api.OwnerAsync();
        var other = await _api.OwnerAsync();
        var expected = new List<Guid>();
        var sameInstant = DateTimeOffset.UtcNow.AddDays(-1);
        for (var i = 0; i < 23; i++)
        {
            // Several share one createdAt: the id breaks the tie.
            var createdAt = i % 3 == 0 ? sameInstant : sameInstant.AddSeconds(i);
            var asset = i % 4 == 0 ? await _api.AssetAsync(other, createdAt: createdAt) : await _api.AssetAsync(me, createdAt: createdAt);
            if (i % 4 == 0)
            {
                await _api.GrantAsync(asset.Id, me, AccessRole.Viewer);
            }

            expected.Add(asset.Id.Value);
        }

        using var client = _api.ClientFor(me.Value);
        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await (await client.GetAsync(Url($"/api/v1/assets?limit=5{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}"))).ShouldBeJsonAsync();
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextCursor").GetString();
            pages++;
            if (pages == 2)
            {
                // Newer assets appear while the client pages: they belong before the cursor and must not disturb the walk.
                await _api.AssetAsync(me);
            }
        }
        while (cursor is not null && pages < 20);

        seen.ShouldBe(expected, ignoreOrder: true);
        seen.Distinct().Count().ShouldBe(seen.Count);
        pages.ShouldBe(5);
    }

    [TestCase("?limit=0", "limit")]
    [TestCase("?limit=101", "limit")]
    [TestCase("?cursor=not-a-cursor", "cursor")]
    [TestCase("?scope=everything", "scope")]
    [TestCase("?scope=1", "scope")]
    [TestCase("?kind=document", "kind")]
    [TestCase("?limit=abc", null)]
    public async Task List_WithBadQuery_Is400Problem(string query, string? field)
    {
        var me = await _api.OwnerAsync();
        using var client = _api.ClientFor(me.Value);

        var problem = await (await client.GetAsync(Url($"/api/v1/assets{query}"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        if (field is not null)
        {
            problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
        }
    }

    private static async Task<List<Guid>> ListIdsAsync(HttpClient client, string query)
    {
        var page = await (await client.GetAsync(Url($"/api/v1/assets{query}"))).ShouldBeJsonAsync();
        page.GetProperty("nextCursor").ValueKind.ShouldBe(JsonValueKind.Null);
        return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];
    }

    private static string Strip(JsonElement problem) =>
        string.Join("|", problem.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value}"));

    private static Uri Url(string path) => new(path, UriKind.Relative);
}
