using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;
using static MediaVault.Integration.Tests.Support.SeedSharing;

namespace MediaVault.Integration.Tests.Sharing;

/// <summary>POST, GET, PATCH and DELETE /assets/{id}/grants: every row of the contract, on both databases.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class GrantsTests(DatabaseProvider provider)
{
    private MediaVaultApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await MediaVaultApi.StartAsync(provider);

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task Create_ByOwner_Is201WithTheGrantAndGivesTheRoleAtOnce()
    {
        var owner = await _api.AccountAsync();
        var grantee = await _api.AccountAsync(displayName: "Grace Grantee");
        var asset = await _api.AssetAsync(owner.Id);
        var expiry = DateTimeOffset.UtcNow.AddDays(3);
        using var client = _api.ClientFor(owner.Value);

        using var response = await client.PostAsJsonAsync(GrantsUrl(asset), new { granteeEmail = grantee.Email, role = "editor", expiresAt = expiry });

        var body = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        body.GetProperty("id").GetGuid().ShouldNotBe(Guid.Empty);
        body.GetProperty("assetId").GetGuid().ShouldBe(asset.Id.Value);
        body.GetProperty("grantee").GetProperty("id").GetGuid().ShouldBe(grantee.Value);
        body.GetProperty("grantee").GetProperty("email").GetString().ShouldBe(grantee.Email);
        body.GetProperty("grantee").GetProperty("displayName").GetString().ShouldBe("Grace Grantee");
        body.GetProperty("role").GetString().ShouldBe("editor");
        body.GetProperty("expiresAt").GetDateTimeOffset().ShouldBe(expiry, TimeSpan.FromMilliseconds(1));
        body.GetProperty("createdAt").GetDateTimeOffset().ShouldBe(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        body.GetProperty("createdBy").GetGuid().ShouldBe(owner.Value);
        using var granteeClient = _api.ClientFor(grantee.Value);
        var seen = await (await granteeClient.GetAsync(Url($"/api/v1/assets/{asset.Id}"))).ShouldBeJsonAsync();
        seen.GetProperty("access").GetProperty("role").GetString().ShouldBe("editor");
        (await _api.ActivityAsync(asset.Id)).Select(e => e.Action).ShouldContain("grant.created");
    }

    [Test]
    public async Task Create_WithoutExpiry_GivesAGrantThatNeverExpires()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var grantee = await _api.AccountAsync();
        using var client = _api.ClientFor(owner.Value);

        using var response = await client.PostAsJsonAsync(GrantsUrl(asset), new { granteeEmail = grantee.Email, role = "viewer" });

        var body = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        body.GetProperty("expiresAt").ValueKind.ShouldBe(JsonValueKind.Null);
        body.GetProperty("active").GetBoolean().ShouldBeTrue();
    }

    [TestCase("viewer")]
    [TestCase("editor")]
    [TestCase("manager")]
    public async Task Create_ByManager_GrantsAnyRoleUpToManager(string role)
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var manager = await _api.AccountAsync();
        await _api.ShareAsync(asset.Id, manager.Id, AccessRole.Manager);
        var grantee = await _api.AccountAsync();
        using var client = _api.ClientFor(manager.Value);

        using var response = await client.PostAsJsonAsync(GrantsUrl(asset), new { granteeEmail = grantee.Email, role });

        var body = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        body.GetProperty("role").GetString().ShouldBe(role);
        body.GetProperty("createdBy").GetGuid().ShouldBe(manager.Value);
    }

    [TestCase(AccessRole.Editor)]
    [TestCase(AccessRole.Viewer)]
    public async Task Create_ByEditorOrViewer_Is403(AccessRole role)
    {
        var (_, asset) = await OwnerWithAssetAsync();
        var grantee = await _api.AccountAsync();
        await _api.ShareAsync(asset.Id, grantee.Id, role);
        var other = await _api.AccountAsync();
        using var client = _api.ClientFor(grantee.Value);

        using var response = await client.PostAsJsonAsync(GrantsUrl(asset), new { granteeEmail = other.Email, role = "viewer" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        problem.GetProperty("type").GetString().ShouldEndWith("forbidden");
    }

    [Test]
    public async Task Create_ByStranger_Is404LikeAMissingAsset()
    {
        var (_, asset) = await OwnerWithAssetAsync();
        var stranger = await _api.AccountAsync();
        var other = await _api.AccountAsync();
        using var client = _api.ClientFor(stranger.Value);
        var body = new { granteeEmail = other.Email, role = "viewer" };

        using var hidden = await client.PostAsJsonAsync(GrantsUrl(asset), body);
        using var missing = await client.PostAsJsonAsync(Url($"/api/v1/assets/{Guid.NewGuid()}/grants"), body);

        var hiddenProblem = await hidden.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var missingProblem = await missing.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        hiddenProblem.GetProperty("detail").GetString().ShouldBe(missingProblem.GetProperty("detail").GetString());
    }

    [Test]
    public async Task Create_WithUnknownEmail_Is400OnGranteeEmail()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        using var client = _api.ClientFor(owner.Value);

        using var response = await client.PostAsJsonAsync(GrantsUrl(asset), new { granteeEmail = SeedAccounts.NewEmail("nobody"), role = "viewer" });

        await ShouldBeInvalidAsync(response, "granteeEmail");
    }

    [TestCase(false, false, TestName = "Create_ToUnverifiedAccount_Is400LikeAnUnknownEmail")]
    [TestCase(true, true, TestName = "Create_ToDisabledAccount_Is400LikeAnUnknownEmail")]
    public async Task Create_ToAccountThatCannotBeGranted_Is400LikeAnUnknownEmail(bool verified, bool disabled)
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var account = await _api.AccountAsync(emailConfirmed: verified, disabled: disabled);
        using var client = _api.ClientFor(owner.Value);

        using var unknown = await client.PostAsJsonAsync(GrantsUrl(asset), new { granteeEmail = SeedAccounts.NewEmail("nobody"), role = "viewer" });
        using var response = await client.PostAsJsonAsync(GrantsUrl(asset), new { granteeEmail = account.Email, role = "viewer" });

        var unknownErrors = await ShouldBeInvalidAsync(unknown, "granteeEmail");
        var errors = await ShouldBeInvalidAsync(response, "granteeEmail");
        errors.ToString().ShouldBe(unknownErrors.ToString());
    }

    [Test]
    public async Task Create_ToTheOwnersOwnEmail_Is400()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var manager = await _api.AccountAsync();
        await _api.ShareAsync(asset.Id, manager.Id, AccessRole.Manager);
        using var client = _api.ClientFor(manager.Value);

        using var response = await client.PostAsJsonAsync(GrantsUrl(asset), new { granteeEmail = owner.Email, role = "manager" });

        await ShouldBeInvalidAsync(response, "granteeEmail");
    }

    [Test]
    public async Task Create_WithEmailInOtherLetterCaseAndSpaces_FindsTheAccount()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var grantee = await _api.AccountAsync();
        using var client = _api.ClientFor(owner.Value);

        using var response = await client.PostAsJsonAsync(GrantsUrl(asset), new { granteeEmail = $"  {grantee.Email.ToUpperInvariant()} ", role = "viewer" });

        (await response.ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("grantee").GetProperty("id").GetGuid().ShouldBe(grantee.Value);
    }

    [TestCase("not-an-email", "viewer", 1, "granteeEmail")]
    [TestCase(null, "viewer", 1, "granteeEmail")]
    [TestCase("someone@example.com", "owner", 1, "role")]
    [TestCase("someone@example.com", "admin", 1, "role")]
    [TestCase("someone@example.com", null, 1, "role")]
    [TestCase("someone@example.com", "viewer", -60, "expiresAt")]
    public async Task Create_WithInvalidInput_Is400NamingTheField(string? email, string? role, int expiresInSeconds, string field)
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        using var client = _api.ClientFor(owner.Value);

        using var response = await client.PostAsJsonAsync(
            GrantsUrl(asset), new { granteeEmail = email, role, expiresAt = DateTimeOffset.UtcNow.AddSeconds(expiresInSeconds) });

        await ShouldBeInvalidAsync(response, field);
    }

    [TestCase("null")]
    [TestCase("{")]
    [TestCase("[]")]
    [TestCase("")]
    [TestCase("""{"granteeEmail":"a@example.com","role":"viewer","expiresAt":"tomorrow"}""")]
    public async Task CreateOrUpdate_WithABodyThatIsNotTheRequest_Is400NotA500(string body)
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var grantee = await _api.AccountAsync();
        var grant = await _api.ShareAsync(asset.Id, grantee.Id, AccessRole.Viewer);
        using var client = _api.ClientFor(owner.Value);

        using var create = await client.PostAsync(GrantsUrl(asset), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        using var update = await client.PatchAsync(GrantUrl(asset, grant.Value), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await create.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await update.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Create_WhenThePersonAlreadyHoldsAGrant_Is409()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var grantee = await _api.AccountAsync();
        await _api.ShareAsync(asset.Id, grantee.Id, AccessRole.Viewer);
        using var client = _api.ClientFor(owner.Value);

        using var response = await client.PostAsJsonAsync(GrantsUrl(asset), new { granteeEmail = grantee.Email, role = "editor" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("type").GetString().ShouldEndWith("conflict");
    }

    [Test]
    public async Task Create_WhenThePersonsPreviousGrantExpired_Is201()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var grantee = await _api.AccountAsync();
        var lapsed = await _api.ShareAsync(asset.Id, grantee.Id, AccessRole.Viewer, DateTimeOffset.UtcNow.AddDays(1));
        await _api.ExpireGrantAsync(lapsed);
        using var client = _api.ClientFor(owner.Value);

        using var response = await client.PostAsJsonAsync(GrantsUrl(asset), new { granteeEmail = grantee.Email, role = "editor" });

        await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        var items = await ListGrantsAsync(client, asset);
        items.Count(g => g.GetProperty("grantee").GetProperty("id").GetGuid() == grantee.Value).ShouldBe(1);
    }

    [Test]
    public async Task List_ByOwnerOrManager_ShowsGrantsNotRevokedWithExpiredOnesInactive()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var manager = await _api.AccountAsync();
        var expired = await _api.AccountAsync();
        var revoked = await _api.AccountAsync();
        await _api.ShareAsync(asset.Id, manager.Id, AccessRole.Manager);
        var expiredGrant = await _api.ShareAsync(asset.Id, expired.Id, AccessRole.Editor, DateTimeOffset.UtcNow.AddDays(1));
        await _api.ExpireGrantAsync(expiredGrant);
        var revokedGrant = await _api.ShareAsync(asset.Id, revoked.Id, AccessRole.Viewer);
        await _api.RevokeAsync(asset.Id, revokedGrant);

        foreach (var caller in new[] { owner, manager })
        {
            using var client = _api.ClientFor(caller.Value);
            var items = await ListGrantsAsync(client, asset);

            items.Select(g => g.GetProperty("grantee").GetProperty("id").GetGuid()).ShouldBe([expired.Value, manager.Value]);
            items.Select(g => g.GetProperty("active").GetBoolean()).ShouldBe([false, true]);
            items[1].GetProperty("grantee").GetProperty("email").GetString().ShouldBe(manager.Email);
            items[1].GetProperty("role").GetString().ShouldBe("manager");
        }
    }

    [TestCase(AccessRole.Editor)]
    [TestCase(AccessRole.Viewer)]
    public async Task List_ByEditorOrViewer_Is403(AccessRole role)
    {
        var (_, asset) = await OwnerWithAssetAsync();
        var grantee = await _api.AccountAsync();
        await _api.ShareAsync(asset.Id, grantee.Id, role);
        using var client = _api.ClientFor(grantee.Value);

        await (await client.GetAsync(GrantsUrl(asset))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task List_ByStrangerOrAdministrator_Is404()
    {
        var (_, asset) = await OwnerWithAssetAsync();
        var stranger = await _api.AccountAsync();
        using var client = _api.ClientFor(stranger.Value);
        using var admin = _api.ClientFor(stranger.Value, "admin");

        await (await client.GetAsync(GrantsUrl(asset))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync(GrantsUrl(asset))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Update_ByOwner_ChangesRoleAndExpiryAndTheGranteesAccess()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var grantee = await _api.AccountAsync();
        var grant = await _api.ShareAsync(asset.Id, grantee.Id, AccessRole.Viewer);
        var expiry = DateTimeOffset.UtcNow.AddDays(2);
        using var client = _api.ClientFor(owner.Value);

        using var response = await client.PatchAsJsonAsync(GrantUrl(asset, grant.Value), new { role = "manager", expiresAt = expiry });

        var body = await response.ShouldBeJsonAsync();
        body.GetProperty("id").GetGuid().ShouldBe(grant.Value);
        body.GetProperty("role").GetString().ShouldBe("manager");
        body.GetProperty("expiresAt").GetDateTimeOffset().ShouldBe(expiry, TimeSpan.FromMilliseconds(1));
        body.GetProperty("grantee").GetProperty("email").GetString().ShouldBe(grantee.Email);
        using var granteeClient = _api.ClientFor(grantee.Value);
        (await (await granteeClient.GetAsync(Url($"/api/v1/assets/{asset.Id}"))).ShouldBeJsonAsync())
            .GetProperty("access").GetProperty("canShare").GetBoolean().ShouldBeTrue();
        (await _api.ActivityAsync(asset.Id)).Select(e => e.Action).ShouldContain("grant.updated");
    }

    [Test]
    public async Task Update_WithExpiresAtNull_RemovesTheExpiry()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var grantee = await _api.AccountAsync();
        var grant = await _api.ShareAsync(asset.Id, grantee.Id, AccessRole.Viewer, DateTimeOffset.UtcNow.AddDays(1));
        using var client = _api.ClientFor(owner.Value);

        using var response = await client.PatchAsJsonAsync(GrantUrl(asset, grant.Value), new { expiresAt = (DateTimeOffset?)null });

        var body = await response.ShouldBeJsonAsync();
        body.GetProperty("expiresAt").ValueKind.ShouldBe(JsonValueKind.Null);
        body.GetProperty("role").GetString().ShouldBe("viewer");
    }

    [Test]
    public async Task Update_WithoutExpiresAt_KeepsTheExpiry()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var grantee = await _api.AccountAsync();
        var expiry = DateTimeOffset.UtcNow.AddDays(1);
        var grant = await _api.ShareAsync(asset.Id, grantee.Id, AccessRole.Viewer, expiry);
        using var client = _api.ClientFor(owner.Value);

        using var response = await client.PatchAsJsonAsync(GrantUrl(asset, grant.Value), new { role = "editor" });

        var body = await response.ShouldBeJsonAsync();
        body.GetProperty("expiresAt").GetDateTimeOffset().ShouldBe(expiry, TimeSpan.FromMilliseconds(1));
        body.GetProperty("role").GetString().ShouldBe("editor");
    }

    [Test]
    public async Task Update_OfAnExpiredGrantWithAFutureExpiry_GivesAccessAgain()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var grantee = await _api.AccountAsync();
        var grant = await _api.ShareAsync(asset.Id, grantee.Id, AccessRole.Viewer, DateTimeOffset.UtcNow.AddDays(1));
        await _api.ExpireGrantAsync(grant);
        using var client = _api.ClientFor(owner.Value);
        using var granteeClient = _api.ClientFor(grantee.Value);
        await (await granteeClient.GetAsync(Url($"/api/v1/assets/{asset.Id}"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        using var response = await client.PatchAsJsonAsync(GrantUrl(asset, grant.Value), new { expiresAt = DateTimeOffset.UtcNow.AddDays(1) });

        (await response.ShouldBeJsonAsync()).GetProperty("active").GetBoolean().ShouldBeTrue();
        await (await granteeClient.GetAsync(Url($"/api/v1/assets/{asset.Id}"))).ShouldBeJsonAsync();
    }

    [Test]
    public async Task Update_ByAManagerOfItsOwnGrant_Is403()
    {
        var (_, asset) = await OwnerWithAssetAsync();
        var manager = await _api.AccountAsync();
        var grant = await _api.ShareAsync(asset.Id, manager.Id, AccessRole.Manager, DateTimeOffset.UtcNow.AddDays(1));
        using var client = _api.ClientFor(manager.Value);

        using var response = await client.PatchAsJsonAsync(GrantUrl(asset, grant.Value), new { expiresAt = (DateTimeOffset?)null });

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Update_ByAManagerOfAnotherManagersGrant_Is200()
    {
        var (_, asset) = await OwnerWithAssetAsync();
        var manager = await _api.AccountAsync();
        var other = await _api.AccountAsync();
        await _api.ShareAsync(asset.Id, manager.Id, AccessRole.Manager);
        var grant = await _api.ShareAsync(asset.Id, other.Id, AccessRole.Manager);
        using var client = _api.ClientFor(manager.Value);

        using var response = await client.PatchAsJsonAsync(GrantUrl(asset, grant.Value), new { role = "viewer" });

        (await response.ShouldBeJsonAsync()).GetProperty("role").GetString().ShouldBe("viewer");
    }

    [TestCase(AccessRole.Editor)]
    [TestCase(AccessRole.Viewer)]
    public async Task Update_ByEditorOrViewer_Is403(AccessRole role)
    {
        var (_, asset) = await OwnerWithAssetAsync();
        var caller = await _api.AccountAsync();
        await _api.ShareAsync(asset.Id, caller.Id, role);
        var other = await _api.AccountAsync();
        var grant = await _api.ShareAsync(asset.Id, other.Id, AccessRole.Viewer);
        using var client = _api.ClientFor(caller.Value);

        await (await client.PatchAsJsonAsync(GrantUrl(asset, grant.Value), new { role = "manager" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Update_OfAGrantOfAnotherAsset_Is404()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var otherAsset = await _api.AssetAsync(owner.Id);
        var grantee = await _api.AccountAsync();
        var grantOnOther = await _api.ShareAsync(otherAsset.Id, grantee.Id, AccessRole.Viewer);
        using var client = _api.ClientFor(owner.Value);

        await (await client.PatchAsJsonAsync(GrantUrl(asset, grantOnOther.Value), new { role = "editor" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.PatchAsJsonAsync(GrantUrl(asset, Guid.NewGuid()), new { role = "editor" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Update_OfARevokedGrant_Is404()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var grantee = await _api.AccountAsync();
        var grant = await _api.ShareAsync(asset.Id, grantee.Id, AccessRole.Viewer);
        await _api.RevokeAsync(asset.Id, grant);
        using var client = _api.ClientFor(owner.Value);

        await (await client.PatchAsJsonAsync(GrantUrl(asset, grant.Value), new { role = "editor" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [TestCase("owner", 60, "role")]
    [TestCase("superuser", 60, "role")]
    [TestCase("editor", -60, "expiresAt")]
    public async Task Update_WithInvalidInput_Is400NamingTheField(string role, int expiresInSeconds, string field)
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var grantee = await _api.AccountAsync();
        var grant = await _api.ShareAsync(asset.Id, grantee.Id, AccessRole.Viewer);
        using var client = _api.ClientFor(owner.Value);

        using var response = await client.PatchAsJsonAsync(GrantUrl(asset, grant.Value), new { role, expiresAt = DateTimeOffset.UtcNow.AddSeconds(expiresInSeconds) });

        await ShouldBeInvalidAsync(response, field);
    }

    [TestCase(AccessRole.Owner)]
    [TestCase(AccessRole.Manager)]
    public async Task Delete_ByOwnerOrManager_Is204AndTheGranteeLosesAccessWithTheNextRequest(AccessRole callerRole)
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var caller = owner;
        if (callerRole == AccessRole.Manager)
        {
            caller = await _api.AccountAsync();
            await _api.ShareAsync(asset.Id, caller.Id, AccessRole.Manager);
        }

        var grantee = await _api.AccountAsync();
        var grant = await _api.ShareAsync(asset.Id, grantee.Id, AccessRole.Editor);
        using var client = _api.ClientFor(caller.Value);
        using var granteeClient = _api.ClientFor(grantee.Value);
        await (await granteeClient.GetAsync(Url($"/api/v1/assets/{asset.Id}"))).ShouldBeJsonAsync();

        using var response = await client.DeleteAsync(GrantUrl(asset, grant.Value));

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await granteeClient.GetAsync(Url($"/api/v1/assets/{asset.Id}"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var revoked = (await _api.ActivityAsync(asset.Id)).Last();
        revoked.Action.ShouldBe("grant.revoked");
        revoked.ActorId.ShouldBe(caller.Id);
    }

    [TestCase(AccessRole.Viewer)]
    [TestCase(AccessRole.Manager)]
    public async Task Delete_ByTheGranteeItself_LeavesWith204(AccessRole role)
    {
        var (_, asset) = await OwnerWithAssetAsync();
        var grantee = await _api.AccountAsync();
        var grant = await _api.ShareAsync(asset.Id, grantee.Id, role);
        using var client = _api.ClientFor(grantee.Value);

        using var response = await client.DeleteAsync(GrantUrl(asset, grant.Value));

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await client.GetAsync(Url($"/api/v1/assets/{asset.Id}"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [TestCase(AccessRole.Editor)]
    [TestCase(AccessRole.Viewer)]
    public async Task Delete_ByEditorOrViewerOfSomeoneElsesGrant_Is403(AccessRole role)
    {
        var (_, asset) = await OwnerWithAssetAsync();
        var caller = await _api.AccountAsync();
        await _api.ShareAsync(asset.Id, caller.Id, role);
        var other = await _api.AccountAsync();
        var grant = await _api.ShareAsync(asset.Id, other.Id, AccessRole.Viewer);
        using var client = _api.ClientFor(caller.Value);

        await (await client.DeleteAsync(GrantUrl(asset, grant.Value))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await client.DeleteAsync(GrantUrl(asset, Guid.NewGuid()))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Delete_OfAGrantOfAnotherAssetOrAlreadyRevoked_Is404()
    {
        var (owner, asset) = await OwnerWithAssetAsync();
        var otherAsset = await _api.AssetAsync(owner.Id);
        var grantee = await _api.AccountAsync();
        var grantOnOther = await _api.ShareAsync(otherAsset.Id, grantee.Id, AccessRole.Viewer);
        var grant = await _api.ShareAsync(asset.Id, grantee.Id, AccessRole.Viewer);
        using var client = _api.ClientFor(owner.Value);
        (await client.DeleteAsync(GrantUrl(asset, grant.Value))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await client.DeleteAsync(GrantUrl(asset, grantOnOther.Value))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.DeleteAsync(GrantUrl(asset, grant.Value))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Delete_ByAGranteeWhoseGrantExpired_Is404AsTheAssetIsNoLongerVisible()
    {
        var (_, asset) = await OwnerWithAssetAsync();
        var grantee = await _api.AccountAsync();
        var grant = await _api.ShareAsync(asset.Id, grantee.Id, AccessRole.Manager, DateTimeOffset.UtcNow.AddDays(1));
        await _api.ExpireGrantAsync(grant);
        using var client = _api.ClientFor(grantee.Value);

        await (await client.DeleteAsync(GrantUrl(asset, grant.Value))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Grants_OnAPendingAsset_AreManagedByTheOwnerAndHiddenFromGranteesUntilReady()
    {
        var owner = await _api.AccountAsync();
        var asset = await _api.AssetAsync(owner.Id, ready: false);
        var grantee = await _api.AccountAsync();
        using var client = _api.ClientFor(owner.Value);
        using var granteeClient = _api.ClientFor(grantee.Value);

        using var response = await client.PostAsJsonAsync(GrantsUrl(asset), new { granteeEmail = grantee.Email, role = "manager" });

        await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        await (await granteeClient.GetAsync(GrantsUrl(asset))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<(TestAccount Owner, Asset Asset)> OwnerWithAssetAsync()
    {
        var owner = await _api.AccountAsync();
        return (owner, await _api.AssetAsync(owner.Id));
    }

    private static async Task<List<JsonElement>> ListGrantsAsync(HttpClient client, Asset asset) =>
        [.. (await (await client.GetAsync(GrantsUrl(asset))).ShouldBeJsonAsync()).GetProperty("items").EnumerateArray()];

    private static async Task<JsonElement> ShouldBeInvalidAsync(HttpResponseMessage response, string field)
    {
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        errors.TryGetProperty(field, out var messages).ShouldBeTrue($"errors has no '{field}': {errors}");
        messages.GetArrayLength().ShouldBeGreaterThan(0);
        return errors;
    }

    private static Uri GrantsUrl(Asset asset) => Url($"/api/v1/assets/{asset.Id}/grants");

    private static Uri GrantUrl(Asset asset, Guid grantId) => Url($"/api/v1/assets/{asset.Id}/grants/{grantId}");
}
