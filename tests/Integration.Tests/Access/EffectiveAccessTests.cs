using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Media;
using MediaVault.Domain.Users;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MediaVault.Integration.Tests.Support.SeedSharing;

namespace MediaVault.Integration.Tests.Access;

/// <summary>
/// Grants to groups, view-only grants, <c>inheritsAccess</c>, the access explanation and the batch check: every row of
/// the contract's "Effective access", "Grants to groups" and "Explaining access and checking many assets", on both
/// databases.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class EffectiveAccessTests(DatabaseProvider provider)
{
    private MediaVaultApi _api = null!;

    public enum Actor
    {
        Owner,
        Manager,
        Editor,
        Viewer,
        Stranger,
    }

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await MediaVaultApi.StartAsync(provider);

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    // ---------------------------------------------------------------------------------------------- grants to groups

    [Test]
    public async Task CreateGrant_ToAGroupTheCallerIsIn_Is201WithTheGroupAndNoGrantee()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var member = await _api.AccountAsync();
        var group = await _api.GroupAsync(owner.Id, member.Id);
        using var client = _api.ClientFor(owner.Value);

        var body = await (await client.PostAsJsonAsync(GrantsUrl(asset), new { groupId = group.Id.Value, role = "editor", allowDownload = false }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);

        body.GetProperty("grantee").ValueKind.ShouldBe(JsonValueKind.Null);
        body.GetProperty("group").GetProperty("id").GetGuid().ShouldBe(group.Id.Value);
        body.GetProperty("group").GetProperty("name").GetString().ShouldBe(group.Name);
        body.GetProperty("role").GetString().ShouldBe("editor");
        body.GetProperty("allowDownload").GetBoolean().ShouldBeFalse();
        var listed = (await (await client.GetAsync(GrantsUrl(asset))).ShouldBeJsonAsync()).GetProperty("items").EnumerateArray().Single();
        listed.GetProperty("id").GetGuid().ShouldBe(body.GetProperty("id").GetGuid());
        listed.GetProperty("group").GetProperty("name").GetString().ShouldBe(group.Name);
    }

    [Test]
    public async Task CreateGrant_ToAPersonWithoutAllowDownload_AllowsDownloadAndHasNoGroup()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var grantee = await _api.AccountAsync();
        using var client = _api.ClientFor(owner.Value);

        var body = await (await client.PostAsJsonAsync(GrantsUrl(asset), new { granteeEmail = grantee.Email, role = "viewer" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);

        body.GetProperty("grantee").GetProperty("id").GetGuid().ShouldBe(grantee.Value);
        body.GetProperty("group").ValueKind.ShouldBe(JsonValueKind.Null);
        body.GetProperty("allowDownload").GetBoolean().ShouldBeTrue();
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task CreateGrant_WithBothOrNeitherGranteeEmailAndGroupId_Is400AndGrantsNothing(bool both)
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var member = await _api.AccountAsync();
        var group = await _api.GroupAsync(owner.Id, member.Id);
        using var client = _api.ClientFor(owner.Value);
        object body = both ? new { granteeEmail = member.Email, groupId = group.Id.Value, role = "viewer" } : new { role = "viewer" };

        var problem = await (await client.PostAsJsonAsync(GrantsUrl(asset), body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("errors").TryGetProperty("granteeEmail", out _).ShouldBeTrue(problem.ToString());
        (await _api.WithDbAsync(db => db.Grants.CountAsync(g => g.AssetId == asset.Id))).ShouldBe(0);
    }

    [Test]
    public async Task CreateGrant_ToAGroupTheCallerIsNotIn_Is400OnGroupIdLikeAnUnknownGroup()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var outsider = await _api.AccountAsync();
        var notMine = await _api.GroupAsync(outsider.Id);
        using var client = _api.ClientFor(owner.Value);

        var foreign = await (await client.PostAsJsonAsync(GrantsUrl(asset), new { groupId = notMine.Id.Value, role = "viewer" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var unknown = await (await client.PostAsJsonAsync(GrantsUrl(asset), new { groupId = Guid.NewGuid(), role = "viewer" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        foreign.GetProperty("errors").GetProperty("groupId").ToString().ShouldBe(unknown.GetProperty("errors").GetProperty("groupId").ToString());
        (await _api.WithDbAsync(db => db.Grants.CountAsync(g => g.AssetId == asset.Id))).ShouldBe(0);
    }

    [Test]
    public async Task CreateGrant_ToAGroupThatAlreadyHoldsOne_Is409()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var group = await _api.GroupAsync(owner.Id, (await _api.AccountAsync()).Id);
        using var client = _api.ClientFor(owner.Value);
        await (await client.PostAsJsonAsync(GrantsUrl(asset), new { groupId = group.Id.Value, role = "viewer" })).ShouldBeJsonAsync(HttpStatusCode.Created);

        await (await client.PostAsJsonAsync(GrantsUrl(asset), new { groupId = group.Id.Value, role = "editor" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        (await _api.WithDbAsync(db => db.Grants.CountAsync(g => g.AssetId == asset.Id))).ShouldBe(1);
    }

    [Test]
    public async Task ChangeGrant_OfAGroupGrantByAManagerInThatGroup_Is403AndTheExpiryStays()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var member = await _api.AccountAsync();
        var group = await _api.GroupAsync(owner.Id, member.Id);
        var expiry = DateTimeOffset.UtcNow.AddDays(1);
        using var ownerClient = _api.ClientFor(owner.Value);
        var grant = await (await ownerClient.PostAsJsonAsync(GrantsUrl(asset), new { groupId = group.Id.Value, role = "manager", expiresAt = expiry }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        using var memberClient = _api.ClientFor(member.Value);

        await (await memberClient.PatchAsJsonAsync($"{GrantsUrl(asset)}/{grant.GetProperty("id").GetGuid()}", new { expiresAt = (DateTimeOffset?)null }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        (await _api.WithDbAsync(db => db.Grants.SingleAsync(g => g.AssetId == asset.Id))).ExpiresAt.ShouldNotBeNull();
    }

    [Test]
    public async Task CreateGrant_ByAManagerToThemselves_Is400AndGrantsNothing()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var member = await _api.AccountAsync();
        var group = await _api.GroupAsync(owner.Id, member.Id);
        using var ownerClient = _api.ClientFor(owner.Value);
        await (await ownerClient.PostAsJsonAsync(GrantsUrl(asset), new { groupId = group.Id.Value, role = "manager", expiresAt = DateTimeOffset.UtcNow.AddDays(1) }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        using var memberClient = _api.ClientFor(member.Value);

        var problem = await (await memberClient.PostAsJsonAsync(GrantsUrl(asset), new { granteeEmail = member.Email, role = "manager" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("errors").TryGetProperty("granteeEmail", out _).ShouldBeTrue();
        (await _api.WithDbAsync(db => db.Grants.CountAsync(g => g.AssetId == asset.Id))).ShouldBe(1);
    }

    [Test]
    public async Task ChangeGrant_AllowDownload_TurnsViewOnlyOnAndOffAndKeepsTheRole()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var grantee = await _api.AccountAsync();
        var grantId = await _api.ShareAsync(asset.Id, grantee.Id, AccessRole.Editor);
        using var ownerClient = _api.ClientFor(owner.Value);
        using var granteeClient = _api.ClientFor(grantee.Value);

        var viewOnly = await (await ownerClient.PatchAsJsonAsync(GrantUrl(asset, grantId.Value), new { allowDownload = false })).ShouldBeJsonAsync();
        var refused = await granteeClient.GetAsync(DownloadUrl(asset));
        var again = await (await ownerClient.PatchAsJsonAsync(GrantUrl(asset, grantId.Value), new { allowDownload = true })).ShouldBeJsonAsync();
        var allowed = await granteeClient.GetAsync(DownloadUrl(asset));

        viewOnly.GetProperty("allowDownload").GetBoolean().ShouldBeFalse();
        viewOnly.GetProperty("role").GetString().ShouldBe("editor");
        await refused.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        again.GetProperty("allowDownload").GetBoolean().ShouldBeTrue();
        await allowed.ShouldBeJsonAsync();
    }

    [Test]
    public async Task GroupMember_SeesAnAssetGrantedToTheGroup_AndLosesItOnTheNextRequestAfterRemoval()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var member = await _api.AccountAsync();
        var group = await _api.GroupAsync(owner.Id, member.Id);
        using var ownerClient = _api.ClientFor(owner.Value);
        using var memberClient = _api.ClientFor(member.Value);
        await (await ownerClient.PostAsJsonAsync(GrantsUrl(asset), new { groupId = group.Id.Value, role = "viewer" })).ShouldBeJsonAsync(HttpStatusCode.Created);

        var seen = await (await memberClient.GetAsync(AssetUrl(asset))).ShouldBeJsonAsync();
        var listed = await memberClient.ListAllAsync("shared");
        (await ownerClient.DeleteAsync(Url($"/api/v1/groups/{group.Id}/members/{member.Id}"))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var after = await memberClient.GetAsync(AssetUrl(asset));
        var listedAfter = await memberClient.ListAllAsync("shared");

        seen.GetProperty("access").GetProperty("role").GetString().ShouldBe("viewer");
        listed.Select(Id).ShouldBe([asset.Id.Value]);
        await after.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        listedAfter.ShouldBeEmpty();
    }

    [Test]
    public async Task PersonInNoGroupAndNoCollection_SeesAndListsWhatAGroupOrCollectionGivesFromTheNextRequestOn()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var second = await _api.AssetAsync(owner.Id);
        var person = await _api.AccountAsync();
        var group = await _api.GroupAsync(owner.Id);
        await _api.ShareAsync(asset.Id, Grantee.OfGroup(group.Id), AccessRole.Viewer);
        using var ownerClient = _api.ClientFor(owner.Value);
        using var personClient = _api.ClientFor(person.Value);
        var before = await personClient.GetAsync(AssetUrl(asset));
        var secondBefore = await personClient.GetAsync(AssetUrl(second));
        var listedBefore = await personClient.ListAllAsync("all");

        await (await ownerClient.PostAsJsonAsync(Url($"/api/v1/groups/{group.Id}/members"), new { email = person.Email, role = "member" })).ShouldBeJsonAsync(HttpStatusCode.Created);
        var afterJoining = await personClient.GetAsync(AssetUrl(asset));
        var listedAfterJoining = await personClient.ListAllAsync("all");
        await _api.CollectionAsync(owner.Id, [second.Id], Grantee.OfPerson(person.Id), AccessRole.Editor);
        var throughCollection = await personClient.GetAsync(AssetUrl(second));
        var listedThroughCollection = await personClient.ListAllAsync("shared");

        listedBefore.ShouldBeEmpty();
        listedAfterJoining.Select(Id).ShouldBe([asset.Id.Value]);
        listedThroughCollection.Select(Id).ShouldBe([second.Id.Value, asset.Id.Value], ignoreOrder: true);
        await before.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await secondBefore.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await afterJoining.ShouldBeJsonAsync()).GetProperty("access").GetProperty("role").GetString().ShouldBe("viewer");
        (await throughCollection.ShouldBeJsonAsync()).GetProperty("access").GetProperty("role").GetString().ShouldBe("editor");
    }

    [Test]
    public async Task DeleteGroup_EndsEveryGrantToIt()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var member = await _api.AccountAsync();
        var group = await _api.GroupAsync(owner.Id, member.Id);
        using var ownerClient = _api.ClientFor(owner.Value);
        using var memberClient = _api.ClientFor(member.Value);
        await (await ownerClient.PostAsJsonAsync(GrantsUrl(asset), new { groupId = group.Id.Value, role = "manager" })).ShouldBeJsonAsync(HttpStatusCode.Created);
        await (await memberClient.GetAsync(AssetUrl(asset))).ShouldBeJsonAsync();

        (await ownerClient.DeleteAsync(Url($"/api/v1/groups/{group.Id}"))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await memberClient.GetAsync(AssetUrl(asset))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await ownerClient.GetAsync(GrantsUrl(asset))).ShouldBeJsonAsync()).GetProperty("items").GetArrayLength().ShouldBe(0);
        (await _api.WithDbAsync(db => db.Grants.CountAsync(g => g.AssetId == asset.Id))).ShouldBe(0);
    }

    // ---------------------------------------------------------------------------------------------- view-only, strongest path

    [TestCase(false)]
    [TestCase(true)]
    public async Task ViewOnlyGrantee_GetsTheAssetAndItsRenditions_But403OnDownload(bool throughGroup)
    {
        var (owner, asset) = await OwnerWithAssetAsync(thumbnail: true);
        var grantee = await _api.AccountAsync();
        using var ownerClient = _api.ClientFor(owner.Value);
        object grant = throughGroup
            ? new { groupId = (await _api.GroupAsync(owner.Id, grantee.Id)).Id.Value, role = "viewer", allowDownload = false }
            : new { granteeEmail = grantee.Email, role = "viewer", allowDownload = false };
        await (await ownerClient.PostAsJsonAsync(GrantsUrl(asset), grant)).ShouldBeJsonAsync(HttpStatusCode.Created);
        using var client = _api.ClientFor(grantee.Value);

        var seen = await (await client.GetAsync(AssetUrl(asset))).ShouldBeJsonAsync();
        var rendition = await client.GetAsync(Url($"/api/v1/assets/{asset.Id}/renditions/thumbnail"));
        var download = await client.GetAsync(DownloadUrl(asset));

        seen.GetProperty("access").GetProperty("canView").GetBoolean().ShouldBeTrue();
        seen.GetProperty("access").GetProperty("canDownload").GetBoolean().ShouldBeFalse();
        (await rendition.ShouldBeJsonAsync()).GetProperty("url").GetString().ShouldNotBeNullOrEmpty();
        await download.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await _api.ActivityAsync(asset.Id)).ShouldNotContain(e => e.Action == "asset.downloaded");
    }

    [Test]
    public async Task StrongestPath_WhenAViewerGrantAndAGroupEditorGrant_IsEditorWithDownload()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var person = await _api.AccountAsync();
        await _api.ShareAsync(asset.Id, Grantee.OfPerson(person.Id), AccessRole.Viewer, allowDownload: false);
        var group = await _api.GroupAsync(owner.Id, person.Id);
        await _api.ShareAsync(asset.Id, Grantee.OfGroup(group.Id), AccessRole.Editor);
        using var client = _api.ClientFor(person.Value);

        var access = (await (await client.GetAsync(AssetUrl(asset))).ShouldBeJsonAsync()).GetProperty("access");
        var listed = (await client.ListAllAsync()).Single().GetProperty("access");
        var patched = await client.PatchAsJsonAsync(AssetUrl(asset), new { title = "Renamed by the group" });
        var download = await client.GetAsync(DownloadUrl(asset));

        access.GetProperty("role").GetString().ShouldBe("editor");
        access.GetProperty("canEdit").GetBoolean().ShouldBeTrue();
        access.GetProperty("canShare").GetBoolean().ShouldBeFalse();
        access.GetProperty("canDownload").GetBoolean().ShouldBeTrue();
        listed.GetRawText().ShouldBe(access.GetRawText());
        (await patched.ShouldBeJsonAsync()).GetProperty("title").GetString().ShouldBe("Renamed by the group");
        await download.ShouldBeJsonAsync();
    }

    [Test]
    public async Task DownloadAndRendition_ThroughAGroupGrantExpiringSoon_NeverOutliveIt()
    {
        var (owner, asset) = await OwnerWithAssetAsync(thumbnail: true);
        var member = await _api.AccountAsync();
        var group = await _api.GroupAsync(owner.Id, member.Id);
        var grantEnds = DateTimeOffset.UtcNow.AddSeconds(40);
        await _api.ShareAsync(asset.Id, Grantee.OfGroup(group.Id), AccessRole.Viewer, expiresAt: grantEnds);
        using var client = _api.ClientFor(member.Value);

        var download = await (await client.GetAsync(DownloadUrl(asset))).ShouldBeJsonAsync();
        var rendition = await (await client.GetAsync(Url($"/api/v1/assets/{asset.Id}/renditions/thumbnail"))).ShouldBeJsonAsync();

        download.GetProperty("expiresAt").GetDateTimeOffset().ShouldBeLessThanOrEqualTo(grantEnds.AddMilliseconds(1));
        rendition.GetProperty("expiresAt").GetDateTimeOffset().ShouldBeLessThanOrEqualTo(grantEnds.AddMilliseconds(1));
    }

    [Test]
    public async Task Download_WhenAnExpiringGrantAllowsItAndALastingOneIsViewOnly_EndsWithTheOneThatAllowsIt()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var person = await _api.AccountAsync();
        var grantEnds = DateTimeOffset.UtcNow.AddSeconds(40);
        await _api.ShareAsync(asset.Id, Grantee.OfPerson(person.Id), AccessRole.Viewer, allowDownload: false);
        await _api.CollectionAsync(owner.Id, [asset.Id], Grantee.OfPerson(person.Id), AccessRole.Editor, allowDownload: false);
        await _api.ShareAsync(asset.Id, Grantee.OfGroup((await _api.GroupAsync(owner.Id, person.Id)).Id), AccessRole.Viewer, expiresAt: grantEnds);
        using var client = _api.ClientFor(person.Value);

        var download = await (await client.GetAsync(DownloadUrl(asset))).ShouldBeJsonAsync();

        download.GetProperty("expiresAt").GetDateTimeOffset().ShouldBeLessThanOrEqualTo(grantEnds.AddMilliseconds(1));
    }

    // ---------------------------------------------------------------------------------------------- inheritsAccess

    [Test]
    public async Task UpdateInheritsAccess_ByOwner_EndsCollectionAccessButNotGrantsOnTheAsset()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var albumViewer = await _api.AccountAsync();
        var directViewer = await _api.AccountAsync();
        await _api.CollectionAsync(owner.Id, [asset.Id], Grantee.OfPerson(albumViewer.Id), AccessRole.Viewer);
        await _api.ShareAsync(asset.Id, directViewer.Id, AccessRole.Viewer);
        using var ownerClient = _api.ClientFor(owner.Value);
        using var albumClient = _api.ClientFor(albumViewer.Value);
        using var directClient = _api.ClientFor(directViewer.Value);
        await (await albumClient.GetAsync(AssetUrl(asset))).ShouldBeJsonAsync();

        var optedOut = await (await ownerClient.PatchAsJsonAsync(AssetUrl(asset), new { inheritsAccess = false })).ShouldBeJsonAsync();
        var albumAfter = await albumClient.GetAsync(AssetUrl(asset));
        var albumList = await albumClient.ListAllAsync();
        var directAfter = await directClient.GetAsync(AssetUrl(asset));
        var optedIn = await (await ownerClient.PatchAsJsonAsync(AssetUrl(asset), new { inheritsAccess = true })).ShouldBeJsonAsync();
        var albumAgain = await albumClient.GetAsync(AssetUrl(asset));

        optedOut.GetProperty("inheritsAccess").GetBoolean().ShouldBeFalse();
        await albumAfter.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        albumList.ShouldBeEmpty();
        await directAfter.ShouldBeJsonAsync();
        optedIn.GetProperty("inheritsAccess").GetBoolean().ShouldBeTrue();
        await albumAgain.ShouldBeJsonAsync();
    }

    [TestCase(Actor.Manager)]
    [TestCase(Actor.Editor)]
    [TestCase(Actor.Viewer)]
    public async Task UpdateInheritsAccess_ByAGrantee_Is403AndChangesNothing(Actor actor)
    {
        var (_, asset) = await OwnerWithAssetAsync();
        var grantee = await _api.AccountAsync();
        await _api.ShareAsync(asset.Id, grantee.Id, RoleOf(actor));
        using var client = _api.ClientFor(grantee.Value);

        var alone = await client.PatchAsJsonAsync(AssetUrl(asset), new { inheritsAccess = false });
        var withTitle = await client.PatchAsJsonAsync(AssetUrl(asset), new { title = "Changed", inheritsAccess = false });

        await alone.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await withTitle.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var stored = await _api.WithDbAsync(db => db.Assets.AsNoTracking().SingleAsync(a => a.Id == asset.Id));
        stored.InheritsAccess.ShouldBeTrue();
        stored.Title.ShouldBe(asset.Title);
    }

    [Test]
    public async Task UpdateInheritsAccess_ByAStranger_Is404()
    {
        var (_, asset) = await OwnerWithAssetAsync();
        using var client = _api.ClientFor((await _api.AccountAsync()).Value);

        await (await client.PatchAsJsonAsync(AssetUrl(asset), new { inheritsAccess = false })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    // ---------------------------------------------------------------------------------------------- explain

    [Test]
    public async Task Explain_WhenAViewerGrantAndAGroupEditorGrant_ListsBothPathsStrongestFirst()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var person = await _api.AccountAsync();
        var expires = DateTimeOffset.UtcNow.AddDays(3);
        var personal = await _api.ShareAsync(asset.Id, Grantee.OfPerson(person.Id), AccessRole.Viewer, allowDownload: false, expiresAt: expires);
        var group = await _api.GroupAsync(owner.Id, person.Id);
        var viaGroup = await _api.ShareAsync(asset.Id, Grantee.OfGroup(group.Id), AccessRole.Editor);
        using var client = _api.ClientFor(person.Value);

        var body = await (await client.ExplainAsync(asset.Id)).ShouldBeJsonAsync();

        body.GetProperty("userId").GetGuid().ShouldBe(person.Value);
        body.GetProperty("role").GetString().ShouldBe("editor");
        body.GetProperty("canView").GetBoolean().ShouldBeTrue();
        body.GetProperty("canDownload").GetBoolean().ShouldBeTrue();
        body.GetProperty("canEdit").GetBoolean().ShouldBeTrue();
        body.GetProperty("canShare").GetBoolean().ShouldBeFalse();
        body.GetProperty("canDelete").GetBoolean().ShouldBeFalse();
        var paths = body.GetProperty("paths").EnumerateArray().ToList();
        paths.Count.ShouldBe(2);
        paths[0].GetProperty("kind").GetString().ShouldBe("group-grant");
        paths[0].GetProperty("role").GetString().ShouldBe("editor");
        paths[0].GetProperty("allowDownload").GetBoolean().ShouldBeTrue();
        paths[0].GetProperty("expiresAt").ValueKind.ShouldBe(JsonValueKind.Null);
        paths[0].GetProperty("grantId").GetGuid().ShouldBe(viaGroup.Value);
        paths[0].GetProperty("group").GetProperty("id").GetGuid().ShouldBe(group.Id.Value);
        paths[0].GetProperty("group").GetProperty("name").GetString().ShouldBe(group.Name);
        paths[0].GetProperty("collection").ValueKind.ShouldBe(JsonValueKind.Null);
        paths[1].GetProperty("kind").GetString().ShouldBe("grant");
        paths[1].GetProperty("role").GetString().ShouldBe("viewer");
        paths[1].GetProperty("allowDownload").GetBoolean().ShouldBeFalse();
        paths[1].GetProperty("expiresAt").GetDateTimeOffset().ShouldBe(expires, TimeSpan.FromMilliseconds(1));
        paths[1].GetProperty("grantId").GetGuid().ShouldBe(personal.Value);
        paths[1].GetProperty("group").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Test]
    public async Task Explain_ThroughACollection_NamesTheCollectionAndItsGrant()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var person = await _api.AccountAsync();
        var (collection, grantId) = await _api.CollectionAsync(owner.Id, [asset.Id], Grantee.OfPerson(person.Id), AccessRole.Manager, allowDownload: false);
        using var client = _api.ClientFor(person.Value);

        var body = await (await client.ExplainAsync(asset.Id)).ShouldBeJsonAsync();

        body.GetProperty("role").GetString().ShouldBe("manager");
        body.GetProperty("canShare").GetBoolean().ShouldBeTrue();
        body.GetProperty("canDownload").GetBoolean().ShouldBeFalse();
        var path = body.GetProperty("paths").EnumerateArray().Single();
        path.GetProperty("kind").GetString().ShouldBe("collection-grant");
        path.GetProperty("grantId").GetGuid().ShouldBe(grantId.Value);
        path.GetProperty("collection").GetProperty("id").GetGuid().ShouldBe(collection.Id.Value);
        path.GetProperty("collection").GetProperty("name").GetString().ShouldBe(collection.Name);
        path.GetProperty("group").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Test]
    public async Task Explain_ForTheOwner_IsTheOwnerPath()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        using var client = _api.ClientFor(owner.Value);

        var body = await (await client.ExplainAsync(asset.Id)).ShouldBeJsonAsync();

        body.GetProperty("role").GetString().ShouldBe("owner");
        body.GetProperty("canDelete").GetBoolean().ShouldBeTrue();
        var path = body.GetProperty("paths").EnumerateArray().Single();
        path.GetProperty("kind").GetString().ShouldBe("owner");
        path.GetProperty("role").GetString().ShouldBe("owner");
        path.GetProperty("allowDownload").GetBoolean().ShouldBeTrue();
        path.GetProperty("grantId").ValueKind.ShouldBe(JsonValueKind.Null);
        path.GetProperty("expiresAt").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [TestCase(Actor.Owner)]
    [TestCase(Actor.Manager)]
    public async Task Explain_AboutSomeoneElse_ByOwnerOrManager_Is200(Actor actor)
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var manager = await _api.AccountAsync();
        await _api.ShareAsync(asset.Id, manager.Id, AccessRole.Manager);
        var editor = await _api.AccountAsync();
        await _api.ShareAsync(asset.Id, editor.Id, AccessRole.Editor);
        var nobody = await _api.AccountAsync();
        using var client = _api.ClientFor((actor == Actor.Owner ? owner : manager).Value);

        var aboutEditor = await (await client.ExplainAsync(asset.Id, editor.Id)).ShouldBeJsonAsync();
        var aboutNobody = await (await client.ExplainAsync(asset.Id, nobody.Id)).ShouldBeJsonAsync();
        var aboutUnknown = await (await client.ExplainAsync(asset.Id, UserId.New())).ShouldBeJsonAsync();

        aboutEditor.GetProperty("userId").GetGuid().ShouldBe(editor.Value);
        aboutEditor.GetProperty("role").GetString().ShouldBe("editor");
        aboutEditor.GetProperty("paths").EnumerateArray().Single().GetProperty("kind").GetString().ShouldBe("grant");
        foreach (var none in new[] { aboutNobody, aboutUnknown })
        {
            none.GetProperty("role").ValueKind.ShouldBe(JsonValueKind.Null);
            none.GetProperty("canView").GetBoolean().ShouldBeFalse();
            none.GetProperty("canDownload").GetBoolean().ShouldBeFalse();
            none.GetProperty("paths").GetArrayLength().ShouldBe(0);
        }
    }

    [TestCase(Actor.Editor)]
    [TestCase(Actor.Viewer)]
    public async Task Explain_AboutSomeoneElse_ByEditorOrViewer_Is403ButAboutItselfIs200(Actor actor)
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var grantee = await _api.AccountAsync();
        await _api.ShareAsync(asset.Id, grantee.Id, RoleOf(actor));
        using var client = _api.ClientFor(grantee.Value);

        await (await client.ExplainAsync(asset.Id, owner.Id)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var self = await (await client.ExplainAsync(asset.Id, grantee.Id)).ShouldBeJsonAsync();

        self.GetProperty("role").GetString().ShouldBe(actor.ToString().ToLowerInvariant());
    }

    [Test]
    public async Task Explain_ByAStrangerOrForAPendingAssetOfSomeoneElse_Is404()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var pending = await _api.AssetAsync(owner.Id, ready: false);
        var grantee = await _api.AccountAsync();
        await _api.ShareAsync(pending.Id, grantee.Id, AccessRole.Manager);
        using var stranger = _api.ClientFor((await _api.AccountAsync()).Value);
        using var granteeClient = _api.ClientFor(grantee.Value);

        await (await stranger.ExplainAsync(asset.Id)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.ExplainAsync(asset.Id, owner.Id)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.ExplainAsync(AssetId.New())).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await granteeClient.ExplainAsync(pending.Id)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Explain_WithAUserIdThatIsNotAUuid_Is400NamingUserId()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        using var client = _api.ClientFor(owner.Value);

        var problem = await (await client.GetAsync(Url($"/api/v1/assets/{asset.Id}/access?userId=someone"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("errors").TryGetProperty("userId", out _).ShouldBeTrue(problem.ToString());
    }

    // ---------------------------------------------------------------------------------------------- batch check

    [Test]
    public async Task CheckAccess_AnswersInRequestOrder_WithUnknownAndInvisibleAssetsAsNothing()
    {
        var (owner, own) = await OwnerWithAssetAsync();
        var ownPending = await _api.AssetAsync(owner.Id, ready: false);
        var other = await _api.AccountAsync();
        var shared = await _api.AssetAsync(other.Id);
        await _api.ShareAsync(shared.Id, Grantee.OfPerson(owner.Id), AccessRole.Viewer, allowDownload: false);
        var viaGroup = await _api.AssetAsync(other.Id);
        await _api.ShareAsync(viaGroup.Id, Grantee.OfGroup((await _api.GroupAsync(other.Id, owner.Id)).Id), AccessRole.Manager);
        var invisible = await _api.AssetAsync(other.Id);
        var unknown = Guid.NewGuid();
        using var client = _api.ClientFor(owner.Value);
        Guid[] asked = [invisible.Id.Value, shared.Id.Value, unknown, own.Id.Value, viaGroup.Id.Value, ownPending.Id.Value, shared.Id.Value];

        var items = await client.CheckAccessAsync(asked);

        items.Select(i => i.GetProperty("assetId").GetGuid()).ShouldBe(asked);
        string?[] roles = [null, "viewer", null, "owner", "manager", "owner", "viewer"];
        items.Select(i => i.GetProperty("access").GetProperty("role").GetString()).ShouldBe(roles);
        items[0].GetProperty("access").GetRawText().ShouldBe(items[2].GetProperty("access").GetRawText());
        foreach (var name in new[] { "canView", "canDownload", "canEdit", "canShare", "canDelete" })
        {
            items[0].GetProperty("access").GetProperty(name).GetBoolean().ShouldBeFalse(name);
        }

        items[1].GetProperty("access").GetProperty("canDownload").GetBoolean().ShouldBeFalse();
        items[4].GetProperty("access").GetProperty("canShare").GetBoolean().ShouldBeTrue();
        items[5].GetProperty("access").GetProperty("canDownload").GetBoolean().ShouldBeFalse();
        items[3].GetProperty("access").GetRawText().ShouldBe((await (await client.GetAsync(AssetUrl(own))).ShouldBeJsonAsync()).GetProperty("access").GetRawText());
    }

    [TestCase(0)]
    [TestCase(101)]
    public async Task CheckAccess_WithNoneOrMoreThan100Ids_Is400NamingAssetIds(int count)
    {
        using var client = _api.ClientFor((await _api.AccountAsync()).Value);

        var response = await client.PostAsJsonAsync(Url("/api/v1/assets/access"), new { assetIds = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList() });

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("assetIds", out _).ShouldBeTrue();
    }

    [Test]
    public async Task CheckAccess_WithANullIdOrNoList_Is400NamingAssetIds()
    {
        using var client = _api.ClientFor((await _api.AccountAsync()).Value);

        var withNull = await client.PostAsJsonAsync(Url("/api/v1/assets/access"), new { assetIds = new Guid?[] { Guid.NewGuid(), null } });
        var without = await client.PostAsJsonAsync(Url("/api/v1/assets/access"), new { });

        (await withNull.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("assetIds", out _).ShouldBeTrue();
        (await without.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("assetIds", out _).ShouldBeTrue();
    }

    [Test]
    public async Task CheckAccess_WithoutAToken_Is401()
    {
        using var client = _api.CreateClient();

        var response = await client.PostAsJsonAsync(Url("/api/v1/assets/access"), new { assetIds = new[] { Guid.NewGuid() } });

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static AccessRole RoleOf(Actor actor) => actor switch
    {
        Actor.Manager => AccessRole.Manager,
        Actor.Editor => AccessRole.Editor,
        _ => AccessRole.Viewer,
    };

    private async Task<(TestAccount Owner, Asset Asset)> OwnerWithAssetAsync(bool thumbnail = false)
    {
        var owner = await _api.AccountAsync();
        var asset = await _api.AssetAsync(owner.Id);
        if (thumbnail)
        {
            await _api.WithDbAsync(async db =>
            {
                var stored = await db.Assets.SingleAsync(a => a.Id == asset.Id);
                stored.RecordRenditionReady(Rendition.Thumbnail, "image/webp", 16, 16, DateTimeOffset.UtcNow);
                return await db.SaveChangesAsync();
            });
        }

        return (owner, asset);
    }

    private static Guid Id(JsonElement item) => item.GetProperty("id").GetGuid();

    private static Uri AssetUrl(Asset asset) => Url($"/api/v1/assets/{asset.Id}");

    private static Uri DownloadUrl(Asset asset) => Url($"/api/v1/assets/{asset.Id}/download");

    private static Uri GrantsUrl(Asset asset) => Url($"/api/v1/assets/{asset.Id}/grants");

    private static Uri GrantUrl(Asset asset, Guid grantId) => Url($"/api/v1/assets/{asset.Id}/grants/{grantId}");
}
