using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Sharing;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MediaVault.Integration.Tests.Support.SeedSharing;

namespace MediaVault.Integration.Tests.Sharing;

/// <summary>/assets/{id}/links and the anonymous /public/links/{token}: every row of the contract, on both databases.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class LinksTests(DatabaseProvider provider)
{
    private MediaVaultApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await MediaVaultApi.StartAsync(
        provider, overrides: new Dictionary<string, string?> { ["RateLimiting:PublicLinkPermitsPerMinute"] = "100000" });

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task Create_ByOwner_Is201WithATokenShownOnceAndStoredOnlyAsItsHash()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        using var client = _api.ClientFor(owner.Value);

        var body = await client.CreateLinkAsync(asset.Id, new { password = "open sesame", maxDownloads = 3 });

        var token = body.GetProperty("token").GetString()!;
        token.Length.ShouldBe(43);
        Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/') + "=").Length.ShouldBe(32);
        body.GetProperty("url").GetString().ShouldBe($"http://localhost/api/v1/public/links/{token}");
        body.GetProperty("hasPassword").GetBoolean().ShouldBeTrue();
        body.GetProperty("maxDownloads").GetInt32().ShouldBe(3);
        body.GetProperty("downloadCount").GetInt32().ShouldBe(0);
        body.GetProperty("expiresAt").ValueKind.ShouldBe(JsonValueKind.Null);
        body.GetProperty("createdAt").GetDateTimeOffset().ShouldBe(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        var stored = await _api.LinkAsync(new LinkId(body.GetProperty("id").GetGuid()));
        stored.TokenHash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))));
        stored.PasswordHash.ShouldNotBeNull();
        stored.PasswordHash.ShouldNotContain("open sesame");
        (await _api.ActivityAsync(asset.Id)).Last().Action.ShouldBe("link.created");
    }

    [Test]
    public async Task Create_TwoLinks_GivesDifferentTokens()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        using var client = _api.ClientFor(owner.Value);

        var first = await client.CreateLinkAsync(asset.Id);
        var second = await client.CreateLinkAsync(asset.Id);

        first.GetProperty("token").GetString().ShouldNotBe(second.GetProperty("token").GetString());
    }

    [Test]
    public async Task Create_ByManager_Is201()
    {
        var (_, asset) = await OwnerWithAssetAsync();
        var manager = await _api.AccountAsync();
        await _api.ShareAsync(asset.Id, manager.Id, AccessRole.Manager);
        using var client = _api.ClientFor(manager.Value);

        var body = await client.CreateLinkAsync(asset.Id);

        body.GetProperty("createdBy").GetGuid().ShouldBe(manager.Value);
    }

    [TestCase(AccessRole.Editor)]
    [TestCase(AccessRole.Viewer)]
    public async Task Create_ListOrDelete_ByEditorOrViewer_Is403(AccessRole role)
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var grantee = await _api.AccountAsync();
        await _api.ShareAsync(asset.Id, grantee.Id, role);
        using var ownerClient = _api.ClientFor(owner.Value);
        var link = await ownerClient.CreateLinkAsync(asset.Id);
        using var client = _api.ClientFor(grantee.Value);

        await (await client.PostAsJsonAsync(LinksUrl(asset), new { })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync(LinksUrl(asset))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await client.DeleteAsync(LinkUrl(asset, link.GetProperty("id").GetGuid()))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Create_ListOrDelete_ByStranger_Is404()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        using var ownerClient = _api.ClientFor(owner.Value);
        var link = await ownerClient.CreateLinkAsync(asset.Id);
        var stranger = await _api.AccountAsync();
        using var client = _api.ClientFor(stranger.Value);

        await (await client.PostAsJsonAsync(LinksUrl(asset), new { })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync(LinksUrl(asset))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.DeleteAsync(LinkUrl(asset, link.GetProperty("id").GetGuid()))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [TestCase(-60, null, null, "expiresAt")]
    [TestCase(3600, 0, null, "maxDownloads")]
    [TestCase(3600, -2, null, "maxDownloads")]
    [TestCase(3600, null, "", "password")]
    [TestCase(3600, null, "   ", "password")]
    public async Task Create_WithInvalidInput_Is400NamingTheField(int expiresInSeconds, int? maxDownloads, string? password, string field)
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        using var client = _api.ClientFor(owner.Value);

        using var response = await client.PostAsJsonAsync(
            LinksUrl(asset), new { expiresAt = DateTimeOffset.UtcNow.AddSeconds(expiresInSeconds), maxDownloads, password });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
    }

    [Test]
    public async Task Create_ForAPendingAsset_Is409()
    {
        var owner = await _api.AccountAsync();
        var asset = await _api.AssetAsync(owner.Id, ready: false);
        using var client = _api.ClientFor(owner.Value);

        await (await client.PostAsJsonAsync(LinksUrl(asset), new { })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task List_ShowsLinksNotRevokedNewestFirstWithoutTokens()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        using var client = _api.ClientFor(owner.Value);
        var first = await client.CreateLinkAsync(asset.Id, new { maxDownloads = 1 });
        var second = await client.CreateLinkAsync(asset.Id, new { password = "pw-longer" });
        var revoked = await client.CreateLinkAsync(asset.Id);
        (await client.DeleteAsync(LinkUrl(asset, revoked.GetProperty("id").GetGuid()))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.PostAsync(PublicUrl(first.GetProperty("token").GetString()!, "/download"), null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var response = await client.GetAsync(LinksUrl(asset));

        var text = await response.Content.ReadAsStringAsync();
        var items = (await response.ShouldBeJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        items.Select(l => l.GetProperty("id").GetGuid()).ShouldBe([second.GetProperty("id").GetGuid(), first.GetProperty("id").GetGuid()]);
        items.Select(l => l.GetProperty("active").GetBoolean()).ShouldBe([true, false]);
        items[0].GetProperty("hasPassword").GetBoolean().ShouldBeTrue();
        items[1].GetProperty("downloadCount").GetInt32().ShouldBe(1);
        foreach (var item in items)
        {
            item.EnumerateObject().Select(p => p.Name).ShouldNotContain("token");
            item.EnumerateObject().Select(p => p.Name).ShouldNotContain("url");
        }

        text.ShouldNotContain(first.GetProperty("token").GetString()!);
    }

    [Test]
    public async Task Delete_ByOwner_Is204AndTheLinkStopsWorkingWithTheNextRequest()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        using var client = _api.ClientFor(owner.Value);
        var link = await client.CreateLinkAsync(asset.Id);
        var token = link.GetProperty("token").GetString()!;
        using var anonymous = _api.CreateClient();
        await (await anonymous.GetAsync(PublicUrl(token))).ShouldBeJsonAsync();

        using var response = await client.DeleteAsync(LinkUrl(asset, link.GetProperty("id").GetGuid()));

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await anonymous.GetAsync(PublicUrl(token))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.PostAsync(PublicUrl(token, "/download"), null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await _api.ActivityAsync(asset.Id)).Last().Action.ShouldBe("link.revoked");
    }

    [Test]
    public async Task Delete_ByManager_Is204()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        using var ownerClient = _api.ClientFor(owner.Value);
        var link = await ownerClient.CreateLinkAsync(asset.Id);
        var manager = await _api.AccountAsync();
        await _api.ShareAsync(asset.Id, manager.Id, AccessRole.Manager);
        using var client = _api.ClientFor(manager.Value);

        (await client.DeleteAsync(LinkUrl(asset, link.GetProperty("id").GetGuid()))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Test]
    public async Task Delete_OfALinkOfAnotherAssetOrAlreadyRevoked_Is404()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var other = await _api.AssetAsync(owner.Id);
        using var client = _api.ClientFor(owner.Value);
        var otherLink = await client.CreateLinkAsync(other.Id);
        var link = await client.CreateLinkAsync(asset.Id);
        (await client.DeleteAsync(LinkUrl(asset, link.GetProperty("id").GetGuid()))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await client.DeleteAsync(LinkUrl(asset, otherLink.GetProperty("id").GetGuid()))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.DeleteAsync(LinkUrl(asset, link.GetProperty("id").GetGuid()))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task PublicGet_Anonymously_ShowsTheAssetsNameTypeAndSizeAndWhetherAPasswordIsNeeded()
    {
        var owner = await _api.AccountAsync();
        var asset = await _api.AssetAsync(owner.Id, "concert.mp4", "video/mp4", title: "Concert");
        using var client = _api.ClientFor(owner.Value);
        var expiry = DateTimeOffset.UtcNow.AddDays(1);
        var link = await client.CreateLinkAsync(asset.Id, new { password = "pw-longer", expiresAt = expiry });
        using var anonymous = _api.CreateClient();

        var body = await (await anonymous.GetAsync(PublicUrl(link.GetProperty("token").GetString()!))).ShouldBeJsonAsync();

        var shown = body.GetProperty("asset");
        shown.GetProperty("title").GetString().ShouldBe("Concert");
        shown.GetProperty("fileName").GetString().ShouldBe("concert.mp4");
        shown.GetProperty("contentType").GetString().ShouldBe("video/mp4");
        shown.GetProperty("kind").GetString().ShouldBe("video");
        shown.GetProperty("sizeBytes").GetInt64().ShouldBe(1234);
        shown.EnumerateObject().Select(p => p.Name).ShouldBe(["title", "fileName", "contentType", "kind", "sizeBytes"], ignoreOrder: true);
        body.GetProperty("requiresPassword").GetBoolean().ShouldBeTrue();
        body.GetProperty("expiresAt").GetDateTimeOffset().ShouldBe(expiry, TimeSpan.FromMilliseconds(1));
    }

    [TestCase("unknown")]
    [TestCase("revoked")]
    [TestCase("expired")]
    [TestCase("exhausted")]
    [TestCase("asset-gone")]
    [TestCase("malformed")]
    public async Task PublicGetAndDownload_OfAnUnusableLink_Are404Alike(string state)
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        using var client = _api.ClientFor(owner.Value);
        var link = await client.CreateLinkAsync(asset.Id, new { maxDownloads = 1 });
        var token = link.GetProperty("token").GetString()!;
        var linkId = new LinkId(link.GetProperty("id").GetGuid());
        using var anonymous = _api.CreateClient();
        switch (state)
        {
            case "unknown":
                token = LinkTokenLike();
                break;
            case "revoked":
                (await client.DeleteAsync(LinkUrl(asset, linkId.Value))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
                break;
            case "expired":
                await _api.ExpireLinkAsync(linkId);
                break;
            case "exhausted":
                (await anonymous.PostAsync(PublicUrl(token, "/download"), null)).StatusCode.ShouldBe(HttpStatusCode.OK);
                break;
            case "asset-gone":
                await _api.WithDbAsync(db => db.Assets.Where(a => a.Id == asset.Id).ExecuteDeleteAsync());
                break;
            default:
                token = "not-a-token";
                break;
        }

        var shown = await (await anonymous.GetAsync(PublicUrl(token))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var downloaded = await (await anonymous.PostAsync(PublicUrl(token, "/download"), null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var unknown = await (await anonymous.GetAsync(PublicUrl(LinkTokenLike()))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        shown.GetProperty("detail").GetString().ShouldBe(unknown.GetProperty("detail").GetString());
        downloaded.GetProperty("type").GetString().ShouldBe(unknown.GetProperty("type").GetString());
    }

    [Test]
    public async Task PublicDownload_OfALinkWithoutPassword_Is200WithAShortLivedUrlAndIsRecordedWithoutActor()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        using var client = _api.ClientFor(owner.Value);
        var link = await client.CreateLinkAsync(asset.Id);
        using var anonymous = _api.CreateClient();

        using var response = await anonymous.PostAsync(PublicUrl(link.GetProperty("token").GetString()!, "/download"), null);

        var body = await response.ShouldBeJsonAsync();
        var url = new Uri(body.GetProperty("url").GetString()!);
        url.IsAbsoluteUri.ShouldBeTrue();
        url.AbsolutePath.ShouldEndWith(asset.StorageKey);
        var expiresAt = body.GetProperty("expiresAt").GetDateTimeOffset();
        expiresAt.ShouldBeGreaterThan(DateTimeOffset.UtcNow);
        expiresAt.ShouldBeLessThanOrEqualTo(DateTimeOffset.UtcNow.AddSeconds(300));
        var recorded = (await _api.ActivityAsync(asset.Id)).Last();
        recorded.Action.ShouldBe("link.downloaded");
        recorded.ActorId.ShouldBeNull();
        using var details = JsonDocument.Parse(recorded.Details);
        details.RootElement.GetProperty("linkId").GetGuid().ShouldBe(link.GetProperty("id").GetGuid());
        details.RootElement.GetProperty("downloadCount").GetInt32().ShouldBe(1);
    }

    [Test]
    public async Task PublicDownload_AcceptsAJsonBodyWithoutPasswordToo()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        using var client = _api.ClientFor(owner.Value);
        var link = await client.CreateLinkAsync(asset.Id);
        using var anonymous = _api.CreateClient();

        using var response = await anonymous.PostAsJsonAsync(PublicUrl(link.GetProperty("token").GetString()!, "/download"), new { });

        await response.ShouldBeJsonAsync();
    }

    [Test]
    public async Task PublicDownload_OfALinkWithPassword_Is401WithoutOrWithAWrongPasswordAnd200WithTheRightOne()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        using var client = _api.ClientFor(owner.Value);
        var link = await client.CreateLinkAsync(asset.Id, new { password = "correct horse" });
        var download = PublicUrl(link.GetProperty("token").GetString()!, "/download");
        using var anonymous = _api.CreateClient();

        await (await anonymous.PostAsync(download, null)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsJsonAsync(download, new { password = "" })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsJsonAsync(download, new { password = "Correct horse" })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsJsonAsync(download, new { password = "correct horse" })).ShouldBeJsonAsync();

        var stored = await _api.LinkAsync(new LinkId(link.GetProperty("id").GetGuid()));
        stored.DownloadCount.ShouldBe(1);
    }

    [Test]
    public async Task PublicDownload_OfAOneDownloadLink_SucceedsOnceThen404()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        using var client = _api.ClientFor(owner.Value);
        var link = await client.CreateLinkAsync(asset.Id, new { maxDownloads = 1 });
        var download = PublicUrl(link.GetProperty("token").GetString()!, "/download");
        using var anonymous = _api.CreateClient();

        await (await anonymous.PostAsync(download, null)).ShouldBeJsonAsync();
        await (await anonymous.PostAsync(download, null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync(PublicUrl(link.GetProperty("token").GetString()!))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task PublicDownload_UrlNeverOutlivesTheLink()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        using var client = _api.ClientFor(owner.Value);
        var expiry = DateTimeOffset.UtcNow.AddSeconds(60);
        var link = await client.CreateLinkAsync(asset.Id, new { expiresAt = expiry });
        using var anonymous = _api.CreateClient();

        var body = await (await anonymous.PostAsync(PublicUrl(link.GetProperty("token").GetString()!, "/download"), null)).ShouldBeJsonAsync();

        body.GetProperty("expiresAt").GetDateTimeOffset().ShouldBeLessThanOrEqualTo(expiry);
    }

    [Test]
    public async Task PublicDownload_WhenAWrongPasswordIsGiven_CountsNothing()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        using var client = _api.ClientFor(owner.Value);
        var link = await client.CreateLinkAsync(asset.Id, new { password = "pw-longer", maxDownloads = 1 });
        var download = PublicUrl(link.GetProperty("token").GetString()!, "/download");
        using var anonymous = _api.CreateClient();

        await (await anonymous.PostAsJsonAsync(download, new { password = "nope" })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        await (await anonymous.PostAsJsonAsync(download, new { password = "pw-longer" })).ShouldBeJsonAsync();
    }

    private async Task<(TestAccount Owner, Asset Asset)> OwnerWithAssetAsync()
    {
        var owner = await _api.AccountAsync();
        return (owner, await _api.AssetAsync(owner.Id));
    }

    private static string LinkTokenLike() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static Uri LinksUrl(Asset asset) => Url($"/api/v1/assets/{asset.Id}/links");

    private static Uri LinkUrl(Asset asset, Guid linkId) => Url($"/api/v1/assets/{asset.Id}/links/{linkId}");

    private static Uri PublicUrl(string token, string suffix = "") => Url($"/api/v1/public/links/{token}{suffix}");
}
