using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Sharing;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MediaVault.Integration.Tests.Support.SeedSharing;

namespace MediaVault.Integration.Tests.Collections;

/// <summary>/collections and its contents, grants and activity: every row of the Collections section of the contract, on both databases.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class CollectionsTests(DatabaseProvider provider)
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

    [Test]
    public async Task Create_ByVerifiedUser_Is201OwnedByTheCreatorWithEveryRightAndNoAssets()
    {
        var creator = await _api.AccountAsync();
        using var client = _api.ClientFor(creator.Value);

        var response = await client.PostAsJsonAsync(Url("/api/v1/collections"), new { name = " Summer ", description = "Holidays", ownerId = Guid.NewGuid(), assetCount = 9 });

        var body = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        body.GetProperty("id").GetGuid().ShouldNotBe(Guid.Empty);
        body.GetProperty("ownerId").GetGuid().ShouldBe(creator.Value);
        body.GetProperty("name").GetString().ShouldBe("Summer");
        body.GetProperty("description").GetString().ShouldBe("Holidays");
        body.GetProperty("assetCount").GetInt32().ShouldBe(0);
        body.GetProperty("createdAt").GetDateTimeOffset().ShouldBe(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        body.GetProperty("updatedAt").GetDateTimeOffset().ShouldBe(body.GetProperty("createdAt").GetDateTimeOffset());
        ShouldHaveAccess(body, "owner", canEdit: true, canShare: true, canDelete: true);
        response.Headers.Location?.ToString().ShouldBe($"/api/v1/collections/{body.GetProperty("id").GetGuid()}");
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase(null)]
    [TestCase("line\nbreak")]
    public async Task Create_WhenNameIsMissingBlankOrNotOneLine_Is400NamingName(string? name)
    {
        using var client = await ClientForNewAccountAsync();

        await ShouldBeInvalidAsync(await client.PostAsJsonAsync(Url("/api/v1/collections"), new { name }), "name");
    }

    [Test]
    public async Task AnyCall_WhenAnonymous_Is401()
    {
        var world = await WorldAsync();
        using var anonymous = _api.CreateClient();

        await (await anonymous.GetAsync(Url("/api/v1/collections"))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsJsonAsync(Url("/api/v1/collections"), new { name = "x" })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync(CollectionUrl(world.CollectionId))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync(AssetsUrl(world.CollectionId))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync(GrantsUrl(world.CollectionId))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.DeleteAsync(CollectionUrl(world.CollectionId))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task List_ByScope_ReturnsOwnedSharedOrBoth_NewestFirst_PageByPage()
    {
        var person = await _api.AccountAsync();
        var other = await _api.AccountAsync();
        using var client = _api.ClientFor(person.Value);
        using var otherClient = _api.ClientFor(other.Value);
        var owned = await CreateCollectionAsync(client, "Mine");
        var shared = await CreateCollectionAsync(otherClient, "Theirs, shared with me");
        await GrantAsync(otherClient, shared, new { granteeEmail = person.Email, role = "editor" });
        var notMine = await CreateCollectionAsync(otherClient, "Theirs only");
        var newest = await CreateCollectionAsync(client, "Mine too");

        var first = await (await client.GetAsync(Url("/api/v1/collections?limit=2"))).ShouldBeJsonAsync();
        var cursor = first.GetProperty("nextCursor").GetString();
        cursor.ShouldNotBeNull();
        var second = await (await client.GetAsync(Url($"/api/v1/collections?limit=2&cursor={Uri.EscapeDataString(cursor)}"))).ShouldBeJsonAsync();

        var all = Items(first).Concat(Items(second)).ToList();
        all.Select(Id).ShouldBe([newest, shared, owned]);
        all.Select(Id).ShouldNotContain(notMine);
        second.GetProperty("nextCursor").ValueKind.ShouldBe(JsonValueKind.Null);
        ShouldHaveAccess(all.Single(c => Id(c) == shared), "editor", canEdit: true, canShare: false, canDelete: false);
        (await ListIdsAsync(client, "owned")).ShouldBe([newest, owned]);
        (await ListIdsAsync(client, "shared")).ShouldBe([shared]);
        (await ListIdsAsync(client, "all")).ShouldBe([newest, shared, owned]);
    }

    [TestCase("scope=everything", "scope")]
    [TestCase("limit=0", "limit")]
    [TestCase("limit=101", "limit")]
    [TestCase("cursor=not-a-cursor", "cursor")]
    public async Task List_WhenAQueryParameterIsInvalid_Is400NamingIt(string query, string field)
    {
        using var client = await ClientForNewAccountAsync();

        await ShouldBeInvalidAsync(await client.GetAsync(Url($"/api/v1/collections?{query}")), field);
    }

    [TestCase(Actor.Owner, "owner", true, true, true)]
    [TestCase(Actor.Manager, "manager", true, true, false)]
    [TestCase(Actor.Editor, "editor", true, false, false)]
    [TestCase(Actor.Viewer, "viewer", false, false, false)]
    public async Task Get_ByOwnerOrGrantee_Is200WithTheCallersAccessAndTheAssetsItSees(Actor actor, string role, bool canEdit, bool canShare, bool canDelete)
    {
        var world = await WorldAsync();
        // An asset that does not inherit access counts only for whoever has another path to it (here: its owner).
        var optedOut = await _api.AssetAsync(world.Owner.Id, title: "Private");
        await AddAssetsAsync(world.Owner, world.CollectionId, optedOut.Id.Value);
        await StopInheritingAsync(optedOut.Id);
        using var client = world.ClientFor(_api, actor);

        var body = await (await client.GetAsync(CollectionUrl(world.CollectionId))).ShouldBeJsonAsync();

        body.GetProperty("id").GetGuid().ShouldBe(world.CollectionId);
        body.GetProperty("ownerId").GetGuid().ShouldBe(world.Owner.Value);
        body.GetProperty("assetCount").GetInt32().ShouldBe(actor == Actor.Owner ? 2 : 1);
        ShouldHaveAccess(body, role, canEdit, canShare, canDelete);
    }

    [Test]
    public async Task Get_ByStranger_Is404ExactlyAsForACollectionThatDoesNotExist()
    {
        var world = await WorldAsync();
        using var stranger = world.ClientFor(_api, Actor.Stranger);

        var hidden = await (await stranger.GetAsync(CollectionUrl(world.CollectionId))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var missing = await (await stranger.GetAsync(CollectionUrl(Guid.NewGuid()))).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        hidden.GetProperty("detail").GetString().ShouldBe(missing.GetProperty("detail").GetString());
        hidden.GetProperty("type").GetString().ShouldBe(missing.GetProperty("type").GetString());
        await (await stranger.GetAsync(AssetsUrl(world.CollectionId))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PatchAsJsonAsync(CollectionUrl(world.CollectionId), new { name = "Mine now" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.DeleteAsync(CollectionUrl(world.CollectionId))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostAsJsonAsync(AssetsUrl(world.CollectionId), new { assetIds = new[] { world.AssetId } })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync(GrantsUrl(world.CollectionId))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync(ActivityUrl(world.CollectionId))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Get_WhenTheGrantExpiredOrWasRevoked_Is404()
    {
        var world = await WorldAsync();
        using var ownerClient = _api.ClientFor(world.Owner.Value);
        await _api.WithDbAsync(db => db.Set<Domain.Collections.CollectionGrant>().Where(g => g.Id == new GrantId(world.ViewerGrantId))
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.ExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-1))));
        (await ownerClient.DeleteAsync(GrantUrl(world.CollectionId, world.EditorGrantId))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await world.ClientFor(_api, Actor.Viewer).GetAsync(CollectionUrl(world.CollectionId))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await world.ClientFor(_api, Actor.Editor).GetAsync(CollectionUrl(world.CollectionId))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await world.ClientFor(_api, Actor.Viewer).GetAsync(AssetUrl(world.AssetId))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [TestCase(Actor.Owner)]
    [TestCase(Actor.Manager)]
    [TestCase(Actor.Editor)]
    public async Task Update_ByOwnerManagerOrEditor_Is200WithTheNewDetails(Actor actor)
    {
        var world = await WorldAsync();
        using var client = world.ClientFor(_api, actor);

        var body = await (await client.PatchAsJsonAsync(CollectionUrl(world.CollectionId), new { name = "Summer, best of", description = "Picked" })).ShouldBeJsonAsync();

        body.GetProperty("name").GetString().ShouldBe("Summer, best of");
        body.GetProperty("description").GetString().ShouldBe("Picked");
        body.GetProperty("updatedAt").GetDateTimeOffset().ShouldBeGreaterThan(body.GetProperty("createdAt").GetDateTimeOffset());
        using var viewer = world.ClientFor(_api, Actor.Viewer);
        (await (await viewer.GetAsync(CollectionUrl(world.CollectionId))).ShouldBeJsonAsync()).GetProperty("name").GetString().ShouldBe("Summer, best of");
    }

    [Test]
    public async Task Update_ByViewer_Is403AndChangesNothing()
    {
        var world = await WorldAsync();
        using var client = world.ClientFor(_api, Actor.Viewer);

        await (await client.PatchAsJsonAsync(CollectionUrl(world.CollectionId), new { name = "Renamed" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        (await (await client.GetAsync(CollectionUrl(world.CollectionId))).ShouldBeJsonAsync()).GetProperty("name").GetString().ShouldBe("Summer");
    }

    [Test]
    public async Task Update_WhenNameIsNotOneLine_Is400NamingName()
    {
        var world = await WorldAsync();
        using var client = world.ClientFor(_api, Actor.Editor);

        await ShouldBeInvalidAsync(await client.PatchAsJsonAsync(CollectionUrl(world.CollectionId), new { name = "two\nlines" }), "name");
    }

    [TestCase(Actor.Manager)]
    [TestCase(Actor.Editor)]
    [TestCase(Actor.Viewer)]
    public async Task Delete_ByAGrantee_Is403(Actor actor)
    {
        var world = await WorldAsync();
        using var client = world.ClientFor(_api, actor);

        await (await client.DeleteAsync(CollectionUrl(world.CollectionId))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Delete_ByOwner_Is204_TheAssetsStay_AndInheritedAccessEndsOnTheNextRequest()
    {
        var world = await WorldAsync();
        using var viewer = world.ClientFor(_api, Actor.Viewer);
        (await viewer.GetAsync(AssetUrl(world.AssetId))).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var owner = _api.ClientFor(world.Owner.Value);

        (await owner.DeleteAsync(CollectionUrl(world.CollectionId))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await viewer.GetAsync(AssetUrl(world.AssetId))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await viewer.GetAsync(CollectionUrl(world.CollectionId))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await ListAssetIdsAsync(viewer, "/api/v1/assets?scope=shared")).ShouldNotContain(world.AssetId);
        await (await owner.GetAsync(CollectionUrl(world.CollectionId))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await owner.GetAsync(AssetUrl(world.AssetId))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [TestCase(Actor.Owner, "owner")]
    [TestCase(Actor.Manager, "manager")]
    [TestCase(Actor.Editor, "editor")]
    [TestCase(Actor.Viewer, "viewer")]
    public async Task ListAssets_ByOwnerOrGrantee_ListsTheMembersNewestFirstWithTheCallersAccess_PageByPage(Actor actor, string role)
    {
        var world = await WorldAsync();
        var older = await _api.AssetAsync(world.Owner.Id, fileName: "song.mp3", contentType: "audio/mpeg", createdAt: DateTimeOffset.UtcNow.AddHours(-2));
        var newer = await _api.AssetAsync(world.Owner.Id, fileName: "clip.mp4", contentType: "video/mp4", createdAt: DateTimeOffset.UtcNow.AddHours(1));
        var outside = await _api.AssetAsync(world.Owner.Id, fileName: "not-in-it.jpg");
        await AddAssetsAsync(world.Owner, world.CollectionId, older.Id.Value, newer.Id.Value);
        using var client = world.ClientFor(_api, actor);

        var first = await (await client.GetAsync(Url($"{AssetsUrl(world.CollectionId)}?limit=2"))).ShouldBeJsonAsync();
        var cursor = first.GetProperty("nextCursor").GetString();
        cursor.ShouldNotBeNull();
        var second = await (await client.GetAsync(Url($"{AssetsUrl(world.CollectionId)}?limit=2&cursor={Uri.EscapeDataString(cursor)}"))).ShouldBeJsonAsync();

        var items = Items(first).Concat(Items(second)).ToList();
        items.Select(Id).ShouldBe([newer.Id.Value, world.AssetId, older.Id.Value]);
        items.Select(Id).ShouldNotContain(outside.Id.Value);
        second.GetProperty("nextCursor").ValueKind.ShouldBe(JsonValueKind.Null);
        foreach (var item in items)
        {
            var access = item.GetProperty("access");
            access.GetProperty("role").GetString().ShouldBe(role);
            access.GetProperty("canEdit").GetBoolean().ShouldBe(actor is not Actor.Viewer);
            access.GetProperty("canShare").GetBoolean().ShouldBe(actor is Actor.Owner or Actor.Manager);
            access.GetProperty("canDelete").GetBoolean().ShouldBe(actor is Actor.Owner);
        }

        var videos = await ListAssetIdsAsync(client, $"{AssetsUrl(world.CollectionId)}?kind=video");
        videos.ShouldBe([newer.Id.Value]);
    }

    [TestCase("kind=document", "kind")]
    [TestCase("limit=0", "limit")]
    [TestCase("cursor=not-a-cursor", "cursor")]
    public async Task ListAssets_WhenAQueryParameterIsInvalid_Is400NamingIt(string query, string field)
    {
        var world = await WorldAsync();
        using var client = world.ClientFor(_api, Actor.Viewer);

        await ShouldBeInvalidAsync(await client.GetAsync(Url($"{AssetsUrl(world.CollectionId)}?{query}")), field);
    }

    [Test]
    public async Task ListAssets_WhenAnAssetDoesNotInheritAccess_HidesItFromAViewerWithoutAnotherPath()
    {
        var world = await WorldAsync();
        var optedOut = await _api.AssetAsync(world.Owner.Id, title: "Only for some");
        await AddAssetsAsync(world.Owner, world.CollectionId, optedOut.Id.Value);
        await StopInheritingAsync(optedOut.Id);
        // The editor has another path to it: a grant on the asset itself.
        await _api.GrantAsync(optedOut.Id, world.Editor.Id, AccessRole.Viewer);
        using var viewer = world.ClientFor(_api, Actor.Viewer);
        using var editor = world.ClientFor(_api, Actor.Editor);

        (await ListAssetIdsAsync(viewer, AssetsUrl(world.CollectionId).ToString())).ShouldBe([world.AssetId]);
        await (await viewer.GetAsync(AssetUrl(optedOut.Id.Value))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await ListAssetIdsAsync(viewer, "/api/v1/assets?scope=shared")).ShouldNotContain(optedOut.Id.Value);

        var editorItems = await ItemsAsync(editor, AssetsUrl(world.CollectionId).ToString());
        editorItems.Select(Id).ShouldBe([optedOut.Id.Value, world.AssetId]);
        editorItems.First().GetProperty("access").GetProperty("role").GetString().ShouldBe("viewer");
    }

    [Test]
    public async Task AddAssets_ByEditorWhoMaySeeAndShareEachAsset_Is200ListingAddedAndAlreadyPresent()
    {
        var world = await WorldAsync();
        // The editor owns one asset and manages another: both may be shared by it.
        var own = await _api.AssetAsync(world.Editor.Id, fileName: "mine.jpg");
        var managed = await _api.AssetAsync(world.Stranger.Id, fileName: "theirs.jpg");
        await _api.GrantAsync(managed.Id, world.Editor.Id, AccessRole.Manager);
        using var editor = world.ClientFor(_api, Actor.Editor);

        var body = await (await editor.PostAsJsonAsync(AssetsUrl(world.CollectionId), new { assetIds = new[] { own.Id.Value, managed.Id.Value } }))
            .ShouldBeJsonAsync();
        var again = await (await editor.PostAsJsonAsync(AssetsUrl(world.CollectionId), new { assetIds = new[] { own.Id.Value } })).ShouldBeJsonAsync();

        body.GetProperty("added").EnumerateArray().Select(e => e.GetGuid()).ShouldBe([own.Id.Value, managed.Id.Value], ignoreOrder: true);
        body.GetProperty("alreadyPresent").GetArrayLength().ShouldBe(0);
        again.GetProperty("added").GetArrayLength().ShouldBe(0);
        again.GetProperty("alreadyPresent").EnumerateArray().Select(e => e.GetGuid()).ShouldBe([own.Id.Value]);
        using var viewer = world.ClientFor(_api, Actor.Viewer);
        (await ListAssetIdsAsync(viewer, AssetsUrl(world.CollectionId).ToString())).ShouldBe([world.AssetId, own.Id.Value, managed.Id.Value], ignoreOrder: true);
        (await (await viewer.GetAsync(AssetUrl(managed.Id.Value))).ShouldBeJsonAsync()).GetProperty("access").GetProperty("role").GetString().ShouldBe("viewer");
    }

    [Test]
    public async Task AddAssets_WhenOneAssetIsSeenButCannotBeShared_Is403AndNothingIsAdded()
    {
        var world = await WorldAsync();
        var own = await _api.AssetAsync(world.Editor.Id, fileName: "mine.jpg");
        var viewedOnly = await _api.AssetAsync(world.Stranger.Id, fileName: "theirs.jpg");
        await _api.GrantAsync(viewedOnly.Id, world.Editor.Id, AccessRole.Editor);
        using var editor = world.ClientFor(_api, Actor.Editor);

        await (await editor.PostAsJsonAsync(AssetsUrl(world.CollectionId), new { assetIds = new[] { own.Id.Value, viewedOnly.Id.Value } }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        (await ListAssetIdsAsync(editor, AssetsUrl(world.CollectionId).ToString())).ShouldBe([world.AssetId]);
    }

    [Test]
    public async Task AddAssets_WhenOneAssetIsInvisibleOrMissing_Is404AndNothingIsAdded()
    {
        var world = await WorldAsync();
        var own = await _api.AssetAsync(world.Editor.Id, fileName: "mine.jpg");
        var hidden = await _api.AssetAsync(world.Stranger.Id, fileName: "theirs.jpg");
        using var editor = world.ClientFor(_api, Actor.Editor);

        var invisible = await (await editor.PostAsJsonAsync(AssetsUrl(world.CollectionId), new { assetIds = new[] { own.Id.Value, hidden.Id.Value } }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var missing = await (await editor.PostAsJsonAsync(AssetsUrl(world.CollectionId), new { assetIds = new[] { own.Id.Value, Guid.NewGuid() } }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);

        invisible.GetProperty("detail").GetString().ShouldBe(missing.GetProperty("detail").GetString());
        (await ListAssetIdsAsync(editor, AssetsUrl(world.CollectionId).ToString())).ShouldBe([world.AssetId]);
    }

    [Test]
    public async Task AddAssets_WhenOneAssetIsPending_Is409AndNothingIsAdded()
    {
        var world = await WorldAsync();
        var ready = await _api.AssetAsync(world.Owner.Id, fileName: "ready.jpg");
        var pending = await _api.AssetAsync(world.Owner.Id, fileName: "pending.jpg", ready: false);
        using var owner = _api.ClientFor(world.Owner.Value);

        await (await owner.PostAsJsonAsync(AssetsUrl(world.CollectionId), new { assetIds = new[] { ready.Id.Value, pending.Id.Value } }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);

        (await ListAssetIdsAsync(owner, AssetsUrl(world.CollectionId).ToString())).ShouldBe([world.AssetId]);
    }

    [Test]
    public async Task AddAssets_ByViewer_Is403()
    {
        var world = await WorldAsync();
        var own = await _api.AssetAsync(world.Viewer.Id, fileName: "mine.jpg");
        using var viewer = world.ClientFor(_api, Actor.Viewer);

        await (await viewer.PostAsJsonAsync(AssetsUrl(world.CollectionId), new { assetIds = new[] { own.Id.Value } })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [TestCase(0)]
    [TestCase(101)]
    [TestCase(-1)]
    public async Task AddAssets_WhenTheListIsEmptyMissingOrOver100_Is400NamingAssetIds(int count)
    {
        var world = await WorldAsync();
        using var owner = _api.ClientFor(world.Owner.Value);
        object body = count < 0 ? new { } : new { assetIds = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToArray() };

        await ShouldBeInvalidAsync(await owner.PostAsJsonAsync(AssetsUrl(world.CollectionId), body), "assetIds");
    }

    [TestCase(Actor.Owner)]
    [TestCase(Actor.Manager)]
    [TestCase(Actor.Editor)]
    public async Task RemoveAsset_ByOwnerManagerOrEditor_Is204AndTheAssetStays(Actor actor)
    {
        var world = await WorldAsync();
        using var client = world.ClientFor(_api, actor);

        (await client.DeleteAsync(AssetUrlIn(world.CollectionId, world.AssetId))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await ListAssetIdsAsync(client, AssetsUrl(world.CollectionId).ToString())).ShouldBeEmpty();
        await (await client.DeleteAsync(AssetUrlIn(world.CollectionId, world.AssetId))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await world.ClientFor(_api, Actor.Viewer).GetAsync(AssetUrl(world.AssetId))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using var owner = _api.ClientFor(world.Owner.Value);
        (await owner.GetAsync(AssetUrl(world.AssetId))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task RemoveAsset_ByViewer_Is403_AndOfAnAssetNotInIt_Is404()
    {
        var world = await WorldAsync();
        using var viewer = world.ClientFor(_api, Actor.Viewer);
        using var owner = _api.ClientFor(world.Owner.Value);

        await (await viewer.DeleteAsync(AssetUrlIn(world.CollectionId, world.AssetId))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await owner.DeleteAsync(AssetUrlIn(world.CollectionId, Guid.NewGuid()))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task DeleteAsset_RemovesItFromTheCollection()
    {
        var world = await WorldAsync();
        using var owner = _api.ClientFor(world.Owner.Value);

        (await owner.DeleteAsync(AssetUrl(world.AssetId))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await ListAssetIdsAsync(owner, AssetsUrl(world.CollectionId).ToString())).ShouldBeEmpty();
        (await (await owner.GetAsync(CollectionUrl(world.CollectionId))).ShouldBeJsonAsync()).GetProperty("assetCount").GetInt32().ShouldBe(0);
    }

    [TestCase(Actor.Owner)]
    [TestCase(Actor.Manager)]
    public async Task CreateGrant_ToAPerson_Is201WithTheCollectionAndTheGrantee(Actor actor)
    {
        var world = await WorldAsync();
        var newcomer = await _api.AccountAsync();
        using var client = world.ClientFor(_api, actor);
        var expiresAt = DateTimeOffset.UtcNow.AddDays(3);

        var body = await (await client.PostAsJsonAsync(GrantsUrl(world.CollectionId), new { granteeEmail = newcomer.Email, role = "viewer", expiresAt, allowDownload = false }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);

        body.GetProperty("collectionId").GetGuid().ShouldBe(world.CollectionId);
        body.GetProperty("grantee").GetProperty("id").GetGuid().ShouldBe(newcomer.Value);
        body.GetProperty("grantee").GetProperty("email").GetString().ShouldBe(newcomer.Email);
        body.GetProperty("group").ValueKind.ShouldBe(JsonValueKind.Null);
        body.GetProperty("role").GetString().ShouldBe("viewer");
        body.GetProperty("allowDownload").GetBoolean().ShouldBeFalse();
        body.GetProperty("expiresAt").GetDateTimeOffset().ShouldBe(expiresAt, TimeSpan.FromSeconds(1));
        body.GetProperty("active").GetBoolean().ShouldBeTrue();
        using var newcomerClient = _api.ClientFor(newcomer.Value);
        var asset = await (await newcomerClient.GetAsync(AssetUrl(world.AssetId))).ShouldBeJsonAsync();
        asset.GetProperty("access").GetProperty("role").GetString().ShouldBe("viewer");
        asset.GetProperty("access").GetProperty("canDownload").GetBoolean().ShouldBeFalse();
    }

    [Test]
    public async Task CreateGrant_ToAGroupOfTheCaller_Is201AndEveryMemberSeesTheCollectionAndItsAssets()
    {
        var world = await WorldAsync();
        var member = await _api.AccountAsync();
        using var owner = _api.ClientFor(world.Owner.Value);
        var groupId = await CreateGroupAsync(owner, "Family", member.Email);

        var body = await (await owner.PostAsJsonAsync(GrantsUrl(world.CollectionId), new { groupId, role = "editor" })).ShouldBeJsonAsync(HttpStatusCode.Created);

        body.GetProperty("grantee").ValueKind.ShouldBe(JsonValueKind.Null);
        body.GetProperty("group").GetProperty("id").GetGuid().ShouldBe(groupId);
        body.GetProperty("group").GetProperty("name").GetString().ShouldBe("Family");
        body.GetProperty("allowDownload").GetBoolean().ShouldBeTrue();
        using var memberClient = _api.ClientFor(member.Value);
        ShouldHaveAccess(await (await memberClient.GetAsync(CollectionUrl(world.CollectionId))).ShouldBeJsonAsync(), "editor", true, false, false);
        (await ListAssetIdsAsync(memberClient, AssetsUrl(world.CollectionId).ToString())).ShouldBe([world.AssetId]);
        await (await owner.PostAsJsonAsync(GrantsUrl(world.CollectionId), new { groupId, role = "viewer" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task CreateGrant_ToAGroupTheCallerIsNotIn_Is400NamingGroupId_AsForAnUnknownGroup()
    {
        var world = await WorldAsync();
        using var stranger = world.ClientFor(_api, Actor.Stranger);
        var theirs = await CreateGroupAsync(stranger, "Not yours");
        using var manager = world.ClientFor(_api, Actor.Manager);

        var notIn = await ShouldBeInvalidAsync(await manager.PostAsJsonAsync(GrantsUrl(world.CollectionId), new { groupId = theirs, role = "viewer" }), "groupId");
        var unknown = await ShouldBeInvalidAsync(await manager.PostAsJsonAsync(GrantsUrl(world.CollectionId), new { groupId = Guid.NewGuid(), role = "viewer" }), "groupId");

        notIn.GetProperty("groupId")[0].GetString().ShouldBe(unknown.GetProperty("groupId")[0].GetString());
    }

    [Test]
    public async Task CreateGrant_ByManager_CannotGrantOwnershipNorGrantToTheOwner()
    {
        var world = await WorldAsync();
        var newcomer = await _api.AccountAsync();
        using var manager = world.ClientFor(_api, Actor.Manager);

        await ShouldBeInvalidAsync(await manager.PostAsJsonAsync(GrantsUrl(world.CollectionId), new { granteeEmail = newcomer.Email, role = "owner" }), "role");
        await ShouldBeInvalidAsync(await manager.PostAsJsonAsync(GrantsUrl(world.CollectionId), new { granteeEmail = world.Owner.Email, role = "viewer" }), "granteeEmail");
        (await (await manager.PostAsJsonAsync(GrantsUrl(world.CollectionId), new { granteeEmail = newcomer.Email, role = "manager" })).ShouldBeJsonAsync(HttpStatusCode.Created))
            .GetProperty("role").GetString().ShouldBe("manager");
    }

    [Test]
    public async Task CreateGrant_WhenBodyIsInvalid_Is400NamingTheField()
    {
        var world = await WorldAsync();
        var newcomer = await _api.AccountAsync();
        using var owner = _api.ClientFor(world.Owner.Value);

        await ShouldBeInvalidAsync(await owner.PostAsJsonAsync(GrantsUrl(world.CollectionId), new { role = "viewer" }), "granteeEmail");
        await ShouldBeInvalidAsync(await owner.PostAsJsonAsync(GrantsUrl(world.CollectionId), new { granteeEmail = newcomer.Email, groupId = Guid.NewGuid(), role = "viewer" }), "granteeEmail");
        await ShouldBeInvalidAsync(await owner.PostAsJsonAsync(GrantsUrl(world.CollectionId), new { granteeEmail = SeedAccounts.NewEmail(), role = "viewer" }), "granteeEmail");
        await ShouldBeInvalidAsync(await owner.PostAsJsonAsync(GrantsUrl(world.CollectionId), new { granteeEmail = newcomer.Email, role = "viewer", expiresAt = DateTimeOffset.UtcNow.AddMinutes(-1) }), "expiresAt");
        await (await owner.PostAsJsonAsync(GrantsUrl(world.CollectionId), new { granteeEmail = world.Viewer.Email, role = "editor" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [TestCase(Actor.Editor)]
    [TestCase(Actor.Viewer)]
    public async Task Grants_ByEditorOrViewer_Is403(Actor actor)
    {
        var world = await WorldAsync();
        var newcomer = await _api.AccountAsync();
        using var client = world.ClientFor(_api, actor);

        await (await client.GetAsync(GrantsUrl(world.CollectionId))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostAsJsonAsync(GrantsUrl(world.CollectionId), new { granteeEmail = newcomer.Email, role = "viewer" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PatchAsJsonAsync(GrantUrl(world.CollectionId, world.ManagerGrantId), new { role = "viewer" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await client.DeleteAsync(GrantUrl(world.CollectionId, world.ManagerGrantId))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await client.DeleteAsync(GrantUrl(world.CollectionId, Guid.NewGuid()))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [TestCase(Actor.Owner)]
    [TestCase(Actor.Manager)]
    public async Task ListGrants_ByOwnerOrManager_ListsEveryLiveGrantNewestFirst(Actor actor)
    {
        var world = await WorldAsync();
        using var client = world.ClientFor(_api, actor);

        var items = Items(await (await client.GetAsync(GrantsUrl(world.CollectionId))).ShouldBeJsonAsync()).ToList();

        items.Select(Id).ShouldBe([world.ManagerGrantId, world.EditorGrantId, world.ViewerGrantId]);
        items.ShouldAllBe(g => g.GetProperty("collectionId").GetGuid() == world.CollectionId);
    }

    [Test]
    public async Task UpdateGrant_ByOwner_Is200AndTheNewRoleHoldsOnTheNextRequest()
    {
        var world = await WorldAsync();
        using var owner = _api.ClientFor(world.Owner.Value);

        var body = await (await owner.PatchAsJsonAsync(GrantUrl(world.CollectionId, world.ViewerGrantId), new { role = "editor", allowDownload = false, expiresAt = (DateTimeOffset?)null }))
            .ShouldBeJsonAsync();

        body.GetProperty("role").GetString().ShouldBe("editor");
        body.GetProperty("allowDownload").GetBoolean().ShouldBeFalse();
        body.GetProperty("expiresAt").ValueKind.ShouldBe(JsonValueKind.Null);
        using var viewer = world.ClientFor(_api, Actor.Viewer);
        var asset = await (await viewer.GetAsync(AssetUrl(world.AssetId))).ShouldBeJsonAsync();
        asset.GetProperty("access").GetProperty("canEdit").GetBoolean().ShouldBeTrue();
        asset.GetProperty("access").GetProperty("canDownload").GetBoolean().ShouldBeFalse();
    }

    [Test]
    public async Task UpdateGrant_OfItsOwnGrantByAManager_Is403_AndOfAnUnknownGrant_Is404()
    {
        var world = await WorldAsync();
        using var manager = world.ClientFor(_api, Actor.Manager);

        await (await manager.PatchAsJsonAsync(GrantUrl(world.CollectionId, world.ManagerGrantId), new { role = "manager", expiresAt = (DateTimeOffset?)null }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.PatchAsJsonAsync(GrantUrl(world.CollectionId, Guid.NewGuid()), new { role = "viewer" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await ShouldBeInvalidAsync(await manager.PatchAsJsonAsync(GrantUrl(world.CollectionId, world.ViewerGrantId), new { role = "owner" }), "role");
    }

    [TestCase(Actor.Viewer)]
    [TestCase(Actor.Editor)]
    public async Task DeleteGrant_ByTheGranteeItself_Is204AndItLeaves(Actor actor)
    {
        var world = await WorldAsync();
        using var client = world.ClientFor(_api, actor);
        var grantId = actor == Actor.Viewer ? world.ViewerGrantId : world.EditorGrantId;

        (await client.DeleteAsync(GrantUrl(world.CollectionId, grantId))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await client.GetAsync(CollectionUrl(world.CollectionId))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync(AssetUrl(world.AssetId))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.DeleteAsync(GrantUrl(world.CollectionId, grantId))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [TestCase(Actor.Owner)]
    [TestCase(Actor.Manager)]
    public async Task DeleteGrant_ByOwnerOrManager_Is204_AndOfAnUnknownGrant_Is404(Actor actor)
    {
        var world = await WorldAsync();
        using var client = world.ClientFor(_api, actor);

        (await client.DeleteAsync(GrantUrl(world.CollectionId, world.ViewerGrantId))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await world.ClientFor(_api, Actor.Viewer).GetAsync(CollectionUrl(world.CollectionId))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.DeleteAsync(GrantUrl(world.CollectionId, Guid.NewGuid()))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [TestCase(Actor.Owner)]
    [TestCase(Actor.Manager)]
    public async Task Activity_ByOwnerOrManager_ListsWhatHappenedNewestFirst(Actor actor)
    {
        var world = await WorldAsync();
        using var owner = _api.ClientFor(world.Owner.Value);
        await owner.PatchAsJsonAsync(CollectionUrl(world.CollectionId), new { name = "Renamed" });
        (await owner.DeleteAsync(AssetUrlIn(world.CollectionId, world.AssetId))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var client = world.ClientFor(_api, actor);

        var first = await (await client.GetAsync(Url($"{ActivityUrl(world.CollectionId)}?limit=3"))).ShouldBeJsonAsync();
        var cursor = first.GetProperty("nextCursor").GetString();
        cursor.ShouldNotBeNull();
        var rest = await (await client.GetAsync(Url($"{ActivityUrl(world.CollectionId)}?cursor={Uri.EscapeDataString(cursor)}"))).ShouldBeJsonAsync();

        var actions = Items(first).Concat(Items(rest)).Select(e => e.GetProperty("action").GetString()).ToList();
        actions.ShouldBe([
            "collection.asset-removed", "collection.updated", "grant.created", "grant.created", "grant.created", "collection.asset-added", "collection.created",
        ]);
        var removed = Items(first).First();
        removed.GetProperty("actorId").GetGuid().ShouldBe(world.Owner.Value);
        removed.GetProperty("details").GetProperty("assetId").GetGuid().ShouldBe(world.AssetId);
    }

    [TestCase(Actor.Editor)]
    [TestCase(Actor.Viewer)]
    public async Task Activity_ByEditorOrViewer_Is403(Actor actor)
    {
        var world = await WorldAsync();
        using var client = world.ClientFor(_api, actor);

        await (await client.GetAsync(ActivityUrl(world.CollectionId))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task RemovedGroupMember_LosesAccessThroughTheGroupsCollectionGrant_OnTheNextRequest()
    {
        var world = await WorldAsync();
        var member = await _api.AccountAsync();
        using var owner = _api.ClientFor(world.Owner.Value);
        var groupId = await CreateGroupAsync(owner, "Family", member.Email);
        await GrantAsync(owner, world.CollectionId, new { groupId, role = "viewer" });
        using var memberClient = _api.ClientFor(member.Value);
        (await memberClient.GetAsync(AssetUrl(world.AssetId))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ListAssetIdsAsync(memberClient, "/api/v1/assets?scope=shared")).ShouldBe([world.AssetId]);
        (await ListIdsAsync(memberClient, "shared")).ShouldBe([world.CollectionId]);

        (await owner.DeleteAsync(Url($"/api/v1/groups/{groupId}/members/{member.Value}"))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await memberClient.GetAsync(AssetUrl(world.AssetId))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await memberClient.GetAsync(CollectionUrl(world.CollectionId))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await ListAssetIdsAsync(memberClient, "/api/v1/assets?scope=shared")).ShouldBeEmpty();
        (await ListIdsAsync(memberClient, "all")).ShouldBeEmpty();
    }

    [Test]
    public async Task MemberAsset_TheCollectionRoleHoldsOnIt_AViewerViewsAnEditorEditsAManagerShares()
    {
        var world = await WorldAsync();
        var newcomer = await _api.AccountAsync();
        using var viewer = world.ClientFor(_api, Actor.Viewer);
        using var editor = world.ClientFor(_api, Actor.Editor);
        using var manager = world.ClientFor(_api, Actor.Manager);

        await (await viewer.PatchAsJsonAsync(AssetUrl(world.AssetId), new { title = "By a viewer" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await (await editor.PatchAsJsonAsync(AssetUrl(world.AssetId), new { title = "By an editor" })).ShouldBeJsonAsync()).GetProperty("title").GetString().ShouldBe("By an editor");
        await (await editor.PostAsJsonAsync(Url($"/api/v1/assets/{world.AssetId}/grants"), new { granteeEmail = newcomer.Email, role = "viewer" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.PostAsJsonAsync(Url($"/api/v1/assets/{world.AssetId}/grants"), new { granteeEmail = newcomer.Email, role = "viewer" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        await (await manager.DeleteAsync(AssetUrl(world.AssetId))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task AssetsScopeShared_IncludesAssetsSharedThroughACollection_WithTheCollectionRole()
    {
        var world = await WorldAsync();
        var directly = await _api.AssetAsync(world.Stranger.Id, fileName: "direct.jpg");
        await _api.GrantAsync(directly.Id, world.Editor.Id, AccessRole.Viewer);
        using var editor = world.ClientFor(_api, Actor.Editor);

        var items = await ItemsAsync(editor, "/api/v1/assets?scope=shared");

        items.Select(Id).ShouldBe([directly.Id.Value, world.AssetId]);
        items.Single(i => Id(i) == world.AssetId).GetProperty("access").GetProperty("role").GetString().ShouldBe("editor");
        (await ListAssetIdsAsync(editor, "/api/v1/assets?scope=all")).ShouldBe([directly.Id.Value, world.AssetId]);
    }

    /// <summary>
    /// A collection owned by Owner holding one of Owner's assets, shared over HTTP with a viewer, an editor and a manager
    /// (grants made in that order); a stranger has no grant.
    /// </summary>
    private async Task<World> WorldAsync()
    {
        var owner = await _api.AccountAsync();
        var manager = await _api.AccountAsync();
        var editor = await _api.AccountAsync();
        var viewer = await _api.AccountAsync();
        var stranger = await _api.AccountAsync();
        var asset = await _api.AssetAsync(owner.Id, title: "Beach");
        using var client = _api.ClientFor(owner.Value);
        var collectionId = await CreateCollectionAsync(client, "Summer");
        await AddAssetsAsync(owner, collectionId, asset.Id.Value);
        var viewerGrant = await GrantAsync(client, collectionId, new { granteeEmail = viewer.Email, role = "viewer" });
        var editorGrant = await GrantAsync(client, collectionId, new { granteeEmail = editor.Email, role = "editor" });
        var managerGrant = await GrantAsync(client, collectionId, new { granteeEmail = manager.Email, role = "manager" });
        return new World(owner, manager, editor, viewer, stranger, collectionId, asset.Id.Value, viewerGrant, editorGrant, managerGrant);
    }

    private async Task AddAssetsAsync(TestAccount actor, Guid collectionId, params Guid[] assetIds)
    {
        using var client = _api.ClientFor(actor.Value);
        await (await client.PostAsJsonAsync(AssetsUrl(collectionId), new { assetIds })).ShouldBeJsonAsync();
    }

    private async Task StopInheritingAsync(AssetId assetId) =>
        await _api.WithDbAsync(db => db.Assets.Where(a => a.Id == assetId).ExecuteUpdateAsync(s => s.SetProperty(a => a.InheritsAccess, false)));

    private async Task<HttpClient> ClientForNewAccountAsync() => _api.ClientFor((await _api.AccountAsync()).Value);

    private static async Task<Guid> CreateCollectionAsync(HttpClient client, string name) =>
        Id(await (await client.PostAsJsonAsync(Url("/api/v1/collections"), new { name })).ShouldBeJsonAsync(HttpStatusCode.Created));

    private static async Task<Guid> GrantAsync(HttpClient client, Guid collectionId, object body) =>
        Id(await (await client.PostAsJsonAsync(GrantsUrl(collectionId), body)).ShouldBeJsonAsync(HttpStatusCode.Created));

    private static async Task<Guid> CreateGroupAsync(HttpClient client, string name, params string[] memberEmails)
    {
        var groupId = Id(await (await client.PostAsJsonAsync(Url("/api/v1/groups"), new { name })).ShouldBeJsonAsync(HttpStatusCode.Created));
        foreach (var email in memberEmails)
        {
            await (await client.PostAsJsonAsync(Url($"/api/v1/groups/{groupId}/members"), new { email })).ShouldBeJsonAsync(HttpStatusCode.Created);
        }

        return groupId;
    }

    private static async Task<List<Guid>> ListIdsAsync(HttpClient client, string scope) =>
        [.. (await ItemsAsync(client, $"/api/v1/collections?scope={scope}")).Select(Id)];

    private static async Task<List<Guid>> ListAssetIdsAsync(HttpClient client, string path) => [.. (await ItemsAsync(client, path)).Select(Id)];

    private static async Task<List<JsonElement>> ItemsAsync(HttpClient client, string path) =>
        [.. Items(await (await client.GetAsync(Url(path))).ShouldBeJsonAsync())];

    private static JsonElement.ArrayEnumerator Items(JsonElement page) => page.GetProperty("items").EnumerateArray();

    private static Guid Id(JsonElement element) => element.GetProperty("id").GetGuid();

    private static void ShouldHaveAccess(JsonElement collection, string role, bool canEdit, bool canShare, bool canDelete)
    {
        var access = collection.GetProperty("access");
        access.GetProperty("role").GetString().ShouldBe(role);
        access.GetProperty("canView").GetBoolean().ShouldBeTrue();
        access.GetProperty("canEdit").GetBoolean().ShouldBe(canEdit);
        access.GetProperty("canShare").GetBoolean().ShouldBe(canShare);
        access.GetProperty("canDelete").GetBoolean().ShouldBe(canDelete);
    }

    private static async Task<JsonElement> ShouldBeInvalidAsync(HttpResponseMessage response, string field)
    {
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        errors.TryGetProperty(field, out var messages).ShouldBeTrue($"errors has no '{field}': {errors}");
        messages.GetArrayLength().ShouldBeGreaterThan(0);
        return errors;
    }

    private static Uri CollectionUrl(Guid collectionId) => Url($"/api/v1/collections/{collectionId}");

    private static Uri AssetsUrl(Guid collectionId) => Url($"/api/v1/collections/{collectionId}/assets");

    private static Uri AssetUrlIn(Guid collectionId, Guid assetId) => Url($"/api/v1/collections/{collectionId}/assets/{assetId}");

    private static Uri GrantsUrl(Guid collectionId) => Url($"/api/v1/collections/{collectionId}/grants");

    private static Uri GrantUrl(Guid collectionId, Guid grantId) => Url($"/api/v1/collections/{collectionId}/grants/{grantId}");

    private static Uri ActivityUrl(Guid collectionId) => Url($"/api/v1/collections/{collectionId}/activity");

    private static Uri AssetUrl(Guid assetId) => Url($"/api/v1/assets/{assetId}");

    private sealed record World(
        TestAccount Owner,
        TestAccount Manager,
        TestAccount Editor,
        TestAccount Viewer,
        TestAccount Stranger,
        Guid CollectionId,
        Guid AssetId,
        Guid ViewerGrantId,
        Guid EditorGrantId,
        Guid ManagerGrantId)
    {
        public HttpClient ClientFor(MediaVaultApi api, Actor actor) => api.ClientFor((actor switch
        {
            Actor.Owner => Owner,
            Actor.Manager => Manager,
            Actor.Editor => Editor,
            Actor.Viewer => Viewer,
            _ => Stranger,
        }).Value);
    }
}
