using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Sharing;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MediaVault.Integration.Tests.Support.SeedSharing;

namespace MediaVault.Integration.Tests.Sharing;

/// <summary>
/// /collections/{id}/links and what view links open under /public/links/{token}: every row of the contract, on both
/// databases, over a real Kestrel so that the client address recorded is the loopback's network (127.0.0.0/24).
/// </summary>
[TestFixture(DatabaseProvider.Sqlite, StorageProvider.FileSystem)]
[TestFixture(DatabaseProvider.Postgres, StorageProvider.S3)]
public sealed class CollectionLinksTests(DatabaseProvider provider, StorageProvider storage)
{
    private const string Loopback = "127.0.0.0/24";
    private MediaVaultApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await MediaVaultApi.StartAsync(
        provider, storage, overrides: new Dictionary<string, string?> { ["RateLimiting:PublicLinkPermitsPerMinute"] = "100000" }, kestrel: true);

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task Create_ViewLinkByOwner_Is201WithTheAssetLinkShapeKindAndLimitsAndIsRecordedOnTheCollection()
    {
        var (owner, collection, _) = await AlbumAsync();
        using var client = _api.ClientFor(owner.Value);

        var body = await client.CreateCollectionLinkAsync(collection.Id, new { kind = "view", password = "open sesame", maxDownloads = 3, allowDownload = false });

        var token = body.GetProperty("token").GetString()!;
        token.Length.ShouldBe(43);
        body.GetProperty("url").GetString().ShouldEndWith($"/api/v1/public/links/{token}");
        body.GetProperty("kind").GetString().ShouldBe("view");
        body.GetProperty("hasPassword").GetBoolean().ShouldBeTrue();
        body.GetProperty("maxDownloads").GetInt32().ShouldBe(3);
        body.GetProperty("downloadCount").GetInt32().ShouldBe(0);
        body.GetProperty("maxUploads").ValueKind.ShouldBe(JsonValueKind.Null);
        body.GetProperty("uploadCount").GetInt32().ShouldBe(0);
        body.GetProperty("allowDownload").GetBoolean().ShouldBeFalse();
        body.GetProperty("expiresAt").ValueKind.ShouldBe(JsonValueKind.Null);
        body.GetProperty("createdAt").GetDateTimeOffset().ShouldBe(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        var stored = await _api.LinkAsync(new LinkId(body.GetProperty("id").GetGuid()));
        stored.CollectionId.ShouldBe(collection.Id);
        stored.AssetId.ShouldBeNull();
        stored.PasswordHash.ShouldNotBeNull();
        stored.PasswordHash.ShouldNotContain("open sesame");
        (await CollectionActivityAsync(owner, collection.Id))[0].GetProperty("action").GetString().ShouldBe("link.created");
    }

    [Test]
    public async Task Create_UploadLinkByManager_Is201WithMaxUploadsAndNoDownloads()
    {
        var (_, collection, _) = await AlbumAsync();
        var manager = await _api.AccountAsync();
        await ShareCollectionAsync(collection.Id, manager, AccessRole.Manager);
        using var client = _api.ClientFor(manager.Value);

        var body = await client.CreateCollectionLinkAsync(collection.Id, new { kind = "upload", maxUploads = 5 });

        body.GetProperty("kind").GetString().ShouldBe("upload");
        body.GetProperty("maxUploads").GetInt32().ShouldBe(5);
        body.GetProperty("maxDownloads").ValueKind.ShouldBe(JsonValueKind.Null);
        body.GetProperty("allowDownload").GetBoolean().ShouldBeFalse();
        body.GetProperty("createdBy").GetGuid().ShouldBe(manager.Value);
    }

    [TestCase(AccessRole.Editor)]
    [TestCase(AccessRole.Viewer)]
    public async Task Create_ListOrDelete_ByCollectionEditorOrViewer_Is403(AccessRole role)
    {
        var (owner, collection, _) = await AlbumAsync();
        var link = await ViewLinkAsync(owner, collection.Id);
        var grantee = await _api.AccountAsync();
        await ShareCollectionAsync(collection.Id, grantee, role);
        using var client = _api.ClientFor(grantee.Value);

        await (await client.PostAsJsonAsync(LinksUrl(collection.Id), new { kind = "view" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync(LinksUrl(collection.Id))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await client.DeleteAsync(LinkUrl(collection.Id, link.Id))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Create_ListOrDelete_ByStranger_Is404EvenWithABadBody()
    {
        var (owner, collection, _) = await AlbumAsync();
        var link = await ViewLinkAsync(owner, collection.Id);
        var stranger = await _api.AccountAsync();
        using var client = _api.ClientFor(stranger.Value);

        await (await client.PostAsJsonAsync(LinksUrl(collection.Id), new { kind = "bogus" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync(LinksUrl(collection.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.DeleteAsync(LinkUrl(collection.Id, link.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [TestCase("""{}""", "kind")]
    [TestCase("""{"kind":"bogus"}""", "kind")]
    [TestCase("""{"kind":"asset"}""", "kind")]
    [TestCase("""{"kind":"view","maxUploads":3}""", "maxUploads")]
    [TestCase("""{"kind":"upload","maxDownloads":3}""", "maxDownloads")]
    [TestCase("""{"kind":"upload","allowDownload":true}""", "allowDownload")]
    [TestCase("""{"kind":"view","maxDownloads":0}""", "maxDownloads")]
    [TestCase("""{"kind":"upload","maxUploads":0}""", "maxUploads")]
    [TestCase("""{"kind":"view","expiresAt":"2020-01-01T00:00:00Z"}""", "expiresAt")]
    [TestCase("""{"kind":"view","password":"   "}""", "password")]
    [TestCase("""{"kind":"view","password":"short"}""", "password")]
    public async Task Create_WithInvalidInput_Is400NamingTheField(string body, string field)
    {
        var (owner, collection, _) = await AlbumAsync();
        using var client = _api.ClientFor(owner.Value);

        using var response = await client.PostAsync(LinksUrl(collection.Id), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
    }

    [Test]
    public async Task List_ShowsLinksNotRevokedNewestFirstWithoutTokens()
    {
        var (owner, collection, _) = await AlbumAsync();
        using var client = _api.ClientFor(owner.Value);
        var view = await ViewLinkAsync(owner, collection.Id, new { kind = "view", maxDownloads = 2 });
        var upload = await client.CreateCollectionLinkAsync(collection.Id, new { kind = "upload", maxUploads = 4, password = "pw-longer" });
        var revoked = await ViewLinkAsync(owner, collection.Id);
        (await client.DeleteAsync(LinkUrl(collection.Id, revoked.Id))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        using var response = await client.GetAsync(LinksUrl(collection.Id));

        var text = await response.Content.ReadAsStringAsync();
        var items = (await response.ShouldBeJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        items.Select(l => l.GetProperty("id").GetGuid()).ShouldBe([upload.GetProperty("id").GetGuid(), view.Id]);
        items.Select(l => l.GetProperty("kind").GetString()).ShouldBe(["upload", "view"]);
        items[0].GetProperty("maxUploads").GetInt32().ShouldBe(4);
        items[0].GetProperty("hasPassword").GetBoolean().ShouldBeTrue();
        items[1].GetProperty("maxDownloads").GetInt32().ShouldBe(2);
        items[1].GetProperty("allowDownload").GetBoolean().ShouldBeTrue();
        items.ShouldAllBe(l => l.GetProperty("active").GetBoolean());
        foreach (var item in items)
        {
            item.EnumerateObject().Select(p => p.Name).ShouldNotContain("token");
            item.EnumerateObject().Select(p => p.Name).ShouldNotContain("url");
        }

        text.ShouldNotContain(view.Token);
    }

    [Test]
    public async Task Delete_ByOwner_Is204AndTheLinkStopsWorkingWithTheNextRequest()
    {
        var (owner, collection, assets) = await AlbumAsync();
        var link = await ViewLinkAsync(owner, collection.Id);
        using var anonymous = _api.CreateClient();
        await (await anonymous.GetAsync(PublicUrl(link.Token))).ShouldBeJsonAsync();
        using var client = _api.ClientFor(owner.Value);

        using var response = await client.DeleteAsync(LinkUrl(collection.Id, link.Id));

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await ShouldAllBeNotFoundAsync(anonymous, link.Token, assets[0].Id);
        (await CollectionActivityAsync(owner, collection.Id))[0].GetProperty("action").GetString().ShouldBe("link.revoked");
    }

    [Test]
    public async Task Delete_OfALinkOfAnotherCollectionOrOfAnAssetOrAlreadyRevoked_Is404()
    {
        var (owner, collection, assets) = await AlbumAsync();
        var other = await _api.AlbumAsync(owner.Id);
        using var client = _api.ClientFor(owner.Value);
        var otherLink = await ViewLinkAsync(owner, other.Id);
        var assetLink = await client.CreateLinkAsync(assets[0].Id);
        var link = await ViewLinkAsync(owner, collection.Id);
        (await client.DeleteAsync(LinkUrl(collection.Id, link.Id))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await client.DeleteAsync(LinkUrl(collection.Id, otherLink.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.DeleteAsync(LinkUrl(collection.Id, assetLink.GetProperty("id").GetGuid()))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.DeleteAsync(LinkUrl(collection.Id, link.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [TestCase("view")]
    [TestCase("upload")]
    public async Task PublicGet_OfACollectionLink_ShowsTheCollectionKindAndPasswordAndRecordsLinkViewedOnTheCollection(string kind)
    {
        var (owner, collection, _) = await AlbumAsync();
        var expiry = DateTimeOffset.UtcNow.AddDays(2);
        var link = await ViewLinkAsync(owner, collection.Id, new { kind, password = "pw-longer", expiresAt = expiry });
        using var anonymous = _api.CreateClient();

        var body = await (await anonymous.GetAsync(PublicUrl(link.Token))).ShouldBeJsonAsync();

        body.GetProperty("collection").GetProperty("name").GetString().ShouldBe(collection.Name);
        body.GetProperty("collection").GetProperty("description").GetString().ShouldBe("Pictures for the link");
        body.GetProperty("collection").EnumerateObject().Select(p => p.Name).ShouldBe(["name", "description"], ignoreOrder: true);
        body.GetProperty("asset").ValueKind.ShouldBe(JsonValueKind.Null);
        body.GetProperty("kind").GetString().ShouldBe(kind);
        body.GetProperty("requiresPassword").GetBoolean().ShouldBeTrue();
        body.GetProperty("expiresAt").GetDateTimeOffset().ShouldBe(expiry, TimeSpan.FromMilliseconds(1));
        var viewed = (await CollectionActivityAsync(owner, collection.Id))[0];
        viewed.GetProperty("action").GetString().ShouldBe("link.viewed");
        viewed.GetProperty("actorId").ValueKind.ShouldBe(JsonValueKind.Null);
        viewed.GetProperty("details").GetProperty("linkId").GetGuid().ShouldBe(link.Id);
        viewed.GetProperty("details").GetProperty("client").GetString().ShouldBe(Loopback);
    }

    [Test]
    public async Task PublicGet_OfAnAssetLink_KeepsItsShapeAndRecordsLinkViewedOnTheAssetWithTheTruncatedClient()
    {
        var (owner, _, assets) = await AlbumAsync();
        using var client = _api.ClientFor(owner.Value);
        var link = await client.CreateLinkAsync(assets[0].Id);
        using var anonymous = _api.CreateClient();

        var body = await (await anonymous.GetAsync(PublicUrl(link.GetProperty("token").GetString()!))).ShouldBeJsonAsync();

        body.GetProperty("asset").GetProperty("fileName").GetString().ShouldBe("photo.jpg");
        body.GetProperty("kind").GetString().ShouldBe("asset");
        body.GetProperty("collection").ValueKind.ShouldBe(JsonValueKind.Null);
        var viewed = (await _api.ActivityAsync(assets[0].Id)).Last();
        viewed.Action.ShouldBe("link.viewed");
        viewed.ActorId.ShouldBeNull();
        viewed.CollectionId.ShouldBeNull();
        using var details = JsonDocument.Parse(viewed.Details);
        details.RootElement.GetProperty("linkId").GetGuid().ShouldBe(link.GetProperty("id").GetGuid());
        details.RootElement.GetProperty("client").GetString().ShouldBe(Loopback);
    }

    [Test]
    public async Task PublicDownload_OfAnAssetLink_RecordsTheTruncatedClient()
    {
        var (owner, _, assets) = await AlbumAsync();
        using var client = _api.ClientFor(owner.Value);
        var link = await client.CreateLinkAsync(assets[0].Id);
        using var anonymous = _api.CreateClient();

        await (await anonymous.PostAsync(PublicUrl(link.GetProperty("token").GetString()!, "/download"), null)).ShouldBeJsonAsync();

        var downloaded = (await _api.ActivityAsync(assets[0].Id)).Last();
        downloaded.Action.ShouldBe("link.downloaded");
        using var details = JsonDocument.Parse(downloaded.Details);
        details.RootElement.GetProperty("client").GetString().ShouldBe(Loopback);
    }

    [Test]
    public async Task ListAssets_ShowsTheReadyInheritingAssetsNotTrashedNewestFirstWithPublicFieldsOnly()
    {
        var owner = await _api.AccountAsync();
        var older = await _api.AssetWithThumbnailAsync(owner.Id, DateTimeOffset.UtcNow.AddMinutes(-3));
        var newer = await _api.AssetAsync(owner.Id, "clip.mp4", "video/mp4", title: "Clip", createdAt: DateTimeOffset.UtcNow.AddMinutes(-2));
        var trashed = await _api.AssetAsync(owner.Id, createdAt: DateTimeOffset.UtcNow.AddMinutes(-1));
        var optedOut = await _api.AssetAsync(owner.Id);
        var pending = await _api.AssetAsync(owner.Id);
        var outside = await _api.AssetAsync(owner.Id);
        var collection = await _api.AlbumAsync(owner.Id, older, newer, trashed, optedOut, pending);
        using var client = _api.ClientFor(owner.Value);
        (await client.DeleteAsync(Url($"/api/v1/assets/{trashed.Id}"))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.PatchAsJsonAsync(Url($"/api/v1/assets/{optedOut.Id}"), new { inheritsAccess = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await _api.MakePendingAsync(pending.Id);
        var link = await ViewLinkAsync(owner, collection.Id);
        using var anonymous = _api.CreateClient();

        var body = await (await anonymous.GetThroughLinkAsync($"/api/v1/public/links/{link.Token}/assets")).ShouldBeJsonAsync();

        var items = body.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("id").GetGuid()).ShouldBe([newer.Id.Value, older.Id.Value]);
        items.ShouldNotContain(i => i.GetProperty("id").GetGuid() == outside.Id.Value);
        body.GetProperty("nextCursor").ValueKind.ShouldBe(JsonValueKind.Null);
        items[0].EnumerateObject().Select(p => p.Name)
            .ShouldBe(["id", "title", "fileName", "contentType", "kind", "sizeBytes", "media", "renditions"], ignoreOrder: true);
        items[0].GetProperty("title").GetString().ShouldBe("Clip");
        items[0].GetProperty("kind").GetString().ShouldBe("video");
        var thumbnail = items[1].GetProperty("renditions").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "thumbnail");
        thumbnail.GetProperty("status").GetString().ShouldBe("ready");
        var viewed = (await CollectionActivityAsync(owner, collection.Id))[0];
        viewed.GetProperty("action").GetString().ShouldBe("link.viewed");
        viewed.GetProperty("details").GetProperty("client").GetString().ShouldBe(Loopback);
    }

    [Test]
    public async Task ListAssets_PagesWithACursorThatOnlyThisLinkAccepts()
    {
        var owner = await _api.AccountAsync();
        var assets = new List<Asset>();
        for (var i = 0; i < 3; i++)
        {
            assets.Add(await _api.AssetAsync(owner.Id, createdAt: DateTimeOffset.UtcNow.AddMinutes(i - 10)));
        }

        var collection = await _api.AlbumAsync(owner.Id, [.. assets]);
        var link = await ViewLinkAsync(owner, collection.Id);
        var other = await ViewLinkAsync(owner, collection.Id);
        using var anonymous = _api.CreateClient();
        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await (await anonymous.GetThroughLinkAsync(
                $"/api/v1/public/links/{link.Token}/assets?limit=2" + (cursor is null ? string.Empty : $"&cursor={Uri.EscapeDataString(cursor)}"))).ShouldBeJsonAsync();
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").GetString();
            if (cursor is not null)
            {
                var foreign = await anonymous.GetThroughLinkAsync($"/api/v1/public/links/{other.Token}/assets?cursor={Uri.EscapeDataString(cursor)}");
                (await foreign.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("cursor", out _).ShouldBeTrue();
            }
        }
        while (cursor is not null);

        seen.ShouldBe([.. assets.AsEnumerable().Reverse().Select(a => a.Id.Value)]);
        await (await anonymous.GetThroughLinkAsync($"/api/v1/public/links/{link.Token}/assets?limit=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task ViewCalls_OfALinkWithPassword_Are401WithoutOrWithAWrongPasswordAnd200WithTheRightOneInHeaderOrBody()
    {
        var (owner, collection, assets) = await AlbumAsync(thumbnail: true);
        var link = await ViewLinkAsync(owner, collection.Id, new { kind = "view", password = "correct horse" });
        var asset = assets[0].Id;
        using var anonymous = _api.CreateClient();
        var list = $"/api/v1/public/links/{link.Token}/assets";
        var rendition = $"/api/v1/public/links/{link.Token}/assets/{asset}/renditions/thumbnail";
        var download = Url($"/api/v1/public/links/{link.Token}/assets/{asset}/download");

        await (await anonymous.GetThroughLinkAsync(list)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetThroughLinkAsync(list, "Correct horse")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetThroughLinkAsync($"{list}?password=correct%20horse")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetThroughLinkAsync(rendition)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsync(download, null)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsJsonAsync(download, new { password = "wrong" })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        await (await anonymous.GetThroughLinkAsync(list, "correct horse")).ShouldBeJsonAsync();
        await (await anonymous.GetThroughLinkAsync(rendition, "correct horse")).ShouldBeJsonAsync();
        await (await anonymous.PostAsJsonAsync(download, new { password = "correct horse" })).ShouldBeJsonAsync();
        (await _api.LinkAsync(new LinkId(link.Id))).DownloadCount.ShouldBe(1);
    }

    [Test]
    public async Task ViewCalls_AfterTenWrongPasswords_Are429WithRetryAfterEvenWithTheRightPassword()
    {
        var (owner, collection, _) = await AlbumAsync();
        var link = await ViewLinkAsync(owner, collection.Id, new { kind = "view", password = "correct horse" });
        using var anonymous = _api.CreateClient();
        var list = $"/api/v1/public/links/{link.Token}/assets";
        for (var i = 0; i < ShareLink.MaxPasswordFailures; i++)
        {
            await (await anonymous.GetThroughLinkAsync(list, $"wrong {i}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        }

        using var refused = await anonymous.GetThroughLinkAsync(list, "correct horse");

        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        refused.Headers.RetryAfter.Delta!.Value.ShouldBeGreaterThan(TimeSpan.Zero);
    }

    [Test]
    public async Task Download_ThroughAViewLink_Is200WithAShortLivedUrlAndIsRecordedOnTheAssetAndTheCollection()
    {
        var (owner, collection, assets) = await AlbumAsync();
        var expiry = DateTimeOffset.UtcNow.AddSeconds(90);
        var link = await ViewLinkAsync(owner, collection.Id, new { kind = "view", expiresAt = expiry });
        using var anonymous = _api.CreateClient();

        var body = await (await anonymous.PostAsync(Url($"/api/v1/public/links/{link.Token}/assets/{assets[0].Id}/download"), null)).ShouldBeJsonAsync();

        new Uri(body.GetProperty("url").GetString()!).AbsolutePath.ShouldEndWith(assets[0].StorageKey);
        body.GetProperty("expiresAt").GetDateTimeOffset().ShouldBeLessThanOrEqualTo(expiry);
        var recorded = (await _api.ActivityAsync(assets[0].Id)).Last();
        recorded.Action.ShouldBe("link.downloaded");
        recorded.ActorId.ShouldBeNull();
        recorded.CollectionId.ShouldBe(collection.Id);
        using var details = JsonDocument.Parse(recorded.Details);
        details.RootElement.GetProperty("linkId").GetGuid().ShouldBe(link.Id);
        details.RootElement.GetProperty("downloadCount").GetInt32().ShouldBe(1);
        details.RootElement.GetProperty("client").GetString().ShouldBe(Loopback);
    }

    [Test]
    public async Task Download_WhenTheLinkDoesNotAllowDownload_Is403AndRenditionsStillAnswer()
    {
        var (owner, collection, assets) = await AlbumAsync(thumbnail: true);
        var link = await ViewLinkAsync(owner, collection.Id, new { kind = "view", allowDownload = false });
        using var anonymous = _api.CreateClient();

        await (await anonymous.PostAsync(Url($"/api/v1/public/links/{link.Token}/assets/{assets[0].Id}/download"), null))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var rendition = await (await anonymous.GetThroughLinkAsync($"/api/v1/public/links/{link.Token}/assets/{assets[0].Id}/renditions/thumbnail"))
            .ShouldBeJsonAsync();

        new Uri(rendition.GetProperty("url").GetString()!).AbsolutePath.ShouldEndWith($"renditions/{assets[0].Id}/thumbnail");
        (await _api.LinkAsync(new LinkId(link.Id))).DownloadCount.ShouldBe(0);
    }

    [Test]
    public async Task Download_OfAOneDownloadViewLink_SucceedsOnceThen403WhileListingAndRenditionsStillAnswer()
    {
        var (owner, collection, assets) = await AlbumAsync(thumbnail: true);
        var link = await ViewLinkAsync(owner, collection.Id, new { kind = "view", maxDownloads = 1 });
        using var anonymous = _api.CreateClient();
        var download = Url($"/api/v1/public/links/{link.Token}/assets/{assets[0].Id}/download");

        await (await anonymous.PostAsync(download, null)).ShouldBeJsonAsync();
        await (await anonymous.PostAsync(download, null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        await (await anonymous.GetAsync(PublicUrl(link.Token))).ShouldBeJsonAsync();
        await (await anonymous.GetThroughLinkAsync($"/api/v1/public/links/{link.Token}/assets")).ShouldBeJsonAsync();
        await (await anonymous.GetThroughLinkAsync($"/api/v1/public/links/{link.Token}/assets/{assets[0].Id}/renditions/thumbnail")).ShouldBeJsonAsync();
    }

    [TestCase("outside")]
    [TestCase("trashed")]
    [TestCase("opted-out")]
    [TestCase("pending")]
    [TestCase("unknown")]
    public async Task DownloadAndRendition_OfAnAssetTheLinkDoesNotList_Are404(string state)
    {
        var (owner, collection, assets) = await AlbumAsync(thumbnail: true);
        var asset = assets[0].Id;
        using var client = _api.ClientFor(owner.Value);
        switch (state)
        {
            case "outside":
                asset = (await _api.AssetWithThumbnailAsync(owner.Id)).Id;
                break;
            case "trashed":
                (await client.DeleteAsync(Url($"/api/v1/assets/{asset}"))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
                break;
            case "opted-out":
                (await client.PatchAsJsonAsync(Url($"/api/v1/assets/{asset}"), new { inheritsAccess = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
                break;
            case "pending":
                await _api.MakePendingAsync(asset);
                break;
            default:
                asset = AssetId.New();
                break;
        }

        var link = await ViewLinkAsync(owner, collection.Id);
        using var anonymous = _api.CreateClient();

        await (await anonymous.PostAsync(Url($"/api/v1/public/links/{link.Token}/assets/{asset}/download"), null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetThroughLinkAsync($"/api/v1/public/links/{link.Token}/assets/{asset}/renditions/thumbnail")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await _api.LinkAsync(new LinkId(link.Id))).DownloadCount.ShouldBe(0);
    }

    [Test]
    public async Task Rendition_ThroughAViewLink_IsRecordedOnTheAssetAndTheCollectionAndNeverOutlivesTheLink()
    {
        var (owner, collection, assets) = await AlbumAsync(thumbnail: true);
        var expiry = DateTimeOffset.UtcNow.AddSeconds(60);
        var link = await ViewLinkAsync(owner, collection.Id, new { kind = "view", expiresAt = expiry });
        using var anonymous = _api.CreateClient();
        var renditions = $"/api/v1/public/links/{link.Token}/assets/{assets[0].Id}/renditions";

        var body = await (await anonymous.GetThroughLinkAsync($"{renditions}/thumbnail")).ShouldBeJsonAsync();

        body.GetProperty("expiresAt").GetDateTimeOffset().ShouldBeLessThanOrEqualTo(expiry);
        var recorded = (await _api.ActivityAsync(assets[0].Id)).Last();
        recorded.Action.ShouldBe("link.viewed");
        recorded.CollectionId.ShouldBe(collection.Id);
        await (await anonymous.GetThroughLinkAsync($"{renditions}/poster")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetThroughLinkAsync($"{renditions}/preview")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [TestCase("expired")]
    [TestCase("revoked")]
    [TestCase("collection-deleted")]
    [TestCase("upload-link")]
    [TestCase("asset-link")]
    public async Task ViewCalls_OfAnUnusableOrOtherKindOfLink_Are404(string state)
    {
        var (owner, collection, assets) = await AlbumAsync(thumbnail: true);
        using var client = _api.ClientFor(owner.Value);
        var link = await ViewLinkAsync(owner, collection.Id, new { kind = state == "upload-link" ? "upload" : "view" });
        var token = link.Token;
        switch (state)
        {
            case "expired":
                await _api.ExpireLinkAsync(new LinkId(link.Id));
                break;
            case "revoked":
                (await client.DeleteAsync(LinkUrl(collection.Id, link.Id))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
                break;
            case "collection-deleted":
                (await client.DeleteAsync(Url($"/api/v1/collections/{collection.Id}"))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
                break;
            case "asset-link":
                token = (await client.CreateLinkAsync(assets[0].Id)).GetProperty("token").GetString()!;
                break;
        }

        using var anonymous = _api.CreateClient();

        if (state is "upload-link" or "asset-link")
        {
            await (await anonymous.GetAsync(PublicUrl(token))).ShouldBeJsonAsync();
            await ShouldAllViewCallsBeNotFoundAsync(anonymous, token, assets[0].Id);
        }
        else
        {
            await ShouldAllBeNotFoundAsync(anonymous, token, assets[0].Id);
        }
    }

    [Test]
    public async Task CollectionActivity_ShowsTheLinksPublicCallsNewestFirst()
    {
        var (owner, collection, assets) = await AlbumAsync(thumbnail: true);
        var link = await ViewLinkAsync(owner, collection.Id);
        using var anonymous = _api.CreateClient();
        await (await anonymous.GetAsync(PublicUrl(link.Token))).ShouldBeJsonAsync();
        await (await anonymous.GetThroughLinkAsync($"/api/v1/public/links/{link.Token}/assets")).ShouldBeJsonAsync();
        await (await anonymous.GetThroughLinkAsync($"/api/v1/public/links/{link.Token}/assets/{assets[0].Id}/renditions/thumbnail")).ShouldBeJsonAsync();
        await (await anonymous.PostAsync(Url($"/api/v1/public/links/{link.Token}/assets/{assets[0].Id}/download"), null)).ShouldBeJsonAsync();

        var items = await CollectionActivityAsync(owner, collection.Id);

        items.Select(i => i.GetProperty("action").GetString()).Take(5)
            .ShouldBe(["link.downloaded", "link.viewed", "link.viewed", "link.viewed", "link.created"]);
        items.Take(4).ShouldAllBe(i => i.GetProperty("details").GetProperty("linkId").GetGuid() == link.Id);
        items.Take(4).ShouldAllBe(i => i.GetProperty("details").GetProperty("client").GetString() == Loopback);
        items.Select(i => i.GetProperty("at").GetDateTimeOffset()).ShouldBeInOrder(SortDirection.Descending);
    }

    [Test]
    public async Task ParallelDownloads_OfTheLastDownloadOfAViewLink_ExactlyOneWins()
    {
        const int racers = 6;
        var (owner, collection, assets) = await AlbumAsync();
        var link = await ViewLinkAsync(owner, collection.Id, new { kind = "view", maxDownloads = 1 });
        var download = Url($"/api/v1/public/links/{link.Token}/assets/{assets[0].Id}/download");
        var clients = Enumerable.Range(0, racers).Select(_ => _api.CreateClient()).ToList();
        try
        {
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var racing = clients.Select(async c =>
            {
                await start.Task;
                using var response = await c.PostAsync(download, null);
                return response.StatusCode;
            }).ToList();
            start.SetResult();
            var statuses = await Task.WhenAll(racing);

            statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(1, string.Join(", ", statuses));
            statuses.Count(s => s == HttpStatusCode.Forbidden).ShouldBe(racers - 1, string.Join(", ", statuses));
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }

        (await _api.LinkAsync(new LinkId(link.Id))).DownloadCount.ShouldBe(1);
        (await _api.ActivityAsync(assets[0].Id)).Count(e => e.Action == "link.downloaded").ShouldBe(1);
    }

    private async Task<(TestAccount Owner, Collection Collection, List<Asset> Assets)> AlbumAsync(bool thumbnail = false)
    {
        var owner = await _api.AccountAsync();
        var asset = thumbnail ? await _api.AssetWithThumbnailAsync(owner.Id) : await _api.AssetAsync(owner.Id);
        return (owner, await _api.AlbumAsync(owner.Id, asset), [asset]);
    }

    private async Task<CreatedLink> ViewLinkAsync(TestAccount owner, CollectionId collectionId, object? body = null)
    {
        using var client = _api.ClientFor(owner.Value);
        var created = await client.CreateCollectionLinkAsync(collectionId, body ?? new { kind = "view" });
        return new CreatedLink(created.GetProperty("id").GetGuid(), created.GetProperty("token").GetString()!);
    }

    private Task<int> ShareCollectionAsync(CollectionId collectionId, TestAccount grantee, AccessRole role) =>
        _api.WithDbAsync(async db =>
        {
            var collection = await db.Collections.Include(c => c.Grants).SingleAsync(c => c.Id == collectionId);
            collection.ShareWith(SeedAccess.Actor(collection.OwnerId), Grantee.OfPerson(grantee.Id), role, true, null, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });

    private async Task<List<JsonElement>> CollectionActivityAsync(TestAccount owner, CollectionId collectionId)
    {
        using var client = _api.ClientFor(owner.Value);
        var body = await (await client.GetAsync(Url($"/api/v1/collections/{collectionId}/activity"))).ShouldBeJsonAsync();
        return [.. body.GetProperty("items").EnumerateArray()];
    }

    private static async Task ShouldAllBeNotFoundAsync(HttpClient anonymous, string token, AssetId asset)
    {
        await (await anonymous.GetAsync(PublicUrl(token))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await ShouldAllViewCallsBeNotFoundAsync(anonymous, token, asset);
    }

    private static async Task ShouldAllViewCallsBeNotFoundAsync(HttpClient anonymous, string token, AssetId asset)
    {
        await (await anonymous.GetThroughLinkAsync($"/api/v1/public/links/{token}/assets")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.PostAsync(Url($"/api/v1/public/links/{token}/assets/{asset}/download"), null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetThroughLinkAsync($"/api/v1/public/links/{token}/assets/{asset}/renditions/thumbnail")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private static Uri LinksUrl(CollectionId collectionId) => Url($"/api/v1/collections/{collectionId}/links");

    private static Uri LinkUrl(CollectionId collectionId, Guid linkId) => Url($"/api/v1/collections/{collectionId}/links/{linkId}");

    private static Uri PublicUrl(string token, string suffix = "") => Url($"/api/v1/public/links/{token}{suffix}");

    private sealed record CreatedLink(Guid Id, string Token);
}
