using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;
using static MediaVault.Integration.Tests.Support.SeedSharing;

namespace MediaVault.Integration.Tests.Groups;

/// <summary>/groups and /groups/{id}/members: every row of the Groups section of the contract, on both databases.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class GroupsTests(DatabaseProvider provider)
{
    private MediaVaultApi _api = null!;

    public enum Actor
    {
        Owner,
        Admin,
        Member,
        Stranger,
    }

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await MediaVaultApi.StartAsync(provider);

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task Create_ByVerifiedUser_Is201WithTheCreatorAsOwnerAndOnlyMember()
    {
        var creator = await _api.AccountAsync();
        using var client = _api.ClientFor(creator.Value);

        var response = await client.PostAsJsonAsync(Url("/api/v1/groups"), new { name = " Family ", description = "Our photos", ownerId = Guid.NewGuid() });

        var body = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        body.GetProperty("id").GetGuid().ShouldNotBe(Guid.Empty);
        body.GetProperty("name").GetString().ShouldBe("Family");
        body.GetProperty("description").GetString().ShouldBe("Our photos");
        body.GetProperty("ownerId").GetGuid().ShouldBe(creator.Value);
        body.GetProperty("memberCount").GetInt32().ShouldBe(1);
        body.GetProperty("myRole").GetString().ShouldBe("owner");
        body.GetProperty("createdAt").GetDateTimeOffset().ShouldBe(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        body.GetProperty("updatedAt").GetDateTimeOffset().ShouldBe(body.GetProperty("createdAt").GetDateTimeOffset());
        var members = await MembersAsync(client, body.GetProperty("id").GetGuid());
        members.Single().GetProperty("userId").GetGuid().ShouldBe(creator.Value);
        members.Single().GetProperty("role").GetString().ShouldBe("owner");
    }

    [Test]
    public async Task Create_WithoutDescription_HasNullDescription()
    {
        var creator = await _api.AccountAsync();
        using var client = _api.ClientFor(creator.Value);

        var body = await (await client.PostAsJsonAsync(Url("/api/v1/groups"), new { name = "Family" })).ShouldBeJsonAsync(HttpStatusCode.Created);

        body.GetProperty("description").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase(null)]
    [TestCase("line\nbreak")]
    public async Task Create_WhenNameIsMissingBlankOrNotOneLine_Is400NamingName(string? name)
    {
        var creator = await _api.AccountAsync();
        using var client = _api.ClientFor(creator.Value);

        var response = await client.PostAsJsonAsync(Url("/api/v1/groups"), new { name });

        await ShouldBeInvalidAsync(response, "name");
    }

    [Test]
    public async Task Create_WhenNameIsLongerThan100Characters_Is400NamingName()
    {
        var creator = await _api.AccountAsync();
        using var client = _api.ClientFor(creator.Value);

        (await client.PostAsJsonAsync(Url("/api/v1/groups"), new { name = new string('a', 100) })).StatusCode.ShouldBe(HttpStatusCode.Created);
        await ShouldBeInvalidAsync(await client.PostAsJsonAsync(Url("/api/v1/groups"), new { name = new string('a', 101) }), "name");
    }

    [Test]
    public async Task Create_WhenDescriptionIsTooLong_Is400NamingDescription()
    {
        var creator = await _api.AccountAsync();
        using var client = _api.ClientFor(creator.Value);

        var response = await client.PostAsJsonAsync(Url("/api/v1/groups"), new { name = "Family", description = new string('d', 4001) });

        await ShouldBeInvalidAsync(response, "description");
    }

    [Test]
    public async Task AnyCall_WhenAnonymous_Is401()
    {
        var (_, _, _, groupId) = await GroupWithAdminAndMemberAsync();
        using var anonymous = _api.CreateClient();

        await (await anonymous.GetAsync(Url("/api/v1/groups"))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsJsonAsync(Url("/api/v1/groups"), new { name = "x" })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync(GroupUrl(groupId))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync(MembersUrl(groupId))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.DeleteAsync(GroupUrl(groupId))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task List_ReturnsTheGroupsTheCallerOwnsOrBelongsTo_NewestFirst_PageByPage()
    {
        var person = await _api.AccountAsync();
        var other = await _api.AccountAsync();
        using var client = _api.ClientFor(person.Value);
        using var otherClient = _api.ClientFor(other.Value);
        var owned = await CreateGroupAsync(client, "Mine");
        var joined = await CreateGroupAsync(otherClient, "Theirs, with me");
        await AddMemberAsync(otherClient, joined, person.Email, "admin");
        var notMine = await CreateGroupAsync(otherClient, "Theirs only");
        var newest = await CreateGroupAsync(client, "Mine too");

        var first = await (await client.GetAsync(Url("/api/v1/groups?limit=2"))).ShouldBeJsonAsync();
        var cursor = first.GetProperty("nextCursor").GetString();
        cursor.ShouldNotBeNull();
        var second = await (await client.GetAsync(Url($"/api/v1/groups?limit=2&cursor={Uri.EscapeDataString(cursor)}"))).ShouldBeJsonAsync();

        var ids = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(g => g.GetProperty("id").GetGuid()).ToList();
        ids.ShouldBe([newest, joined, owned]);
        ids.ShouldNotContain(notMine);
        second.GetProperty("nextCursor").ValueKind.ShouldBe(JsonValueKind.Null);
        var joinedItem = first.GetProperty("items").EnumerateArray().Single(g => g.GetProperty("id").GetGuid() == joined);
        joinedItem.GetProperty("myRole").GetString().ShouldBe("admin");
        joinedItem.GetProperty("memberCount").GetInt32().ShouldBe(2);
        joinedItem.GetProperty("ownerId").GetGuid().ShouldBe(other.Value);
    }

    [TestCase("limit=0")]
    [TestCase("limit=101")]
    [TestCase("cursor=not-a-cursor")]
    public async Task List_WhenPagingIsInvalid_Is400(string query)
    {
        var person = await _api.AccountAsync();
        using var client = _api.ClientFor(person.Value);

        var response = await client.GetAsync(Url($"/api/v1/groups?{query}"));

        await ShouldBeInvalidAsync(response, query.Split('=')[0]);
    }

    [TestCase(Actor.Owner, "owner")]
    [TestCase(Actor.Admin, "admin")]
    [TestCase(Actor.Member, "member")]
    public async Task Get_ByMember_Is200WithTheCallersRole(Actor actor, string role)
    {
        var (owner, admin, member, groupId) = await GroupWithAdminAndMemberAsync();
        using var client = ClientFor(actor, owner, admin, member);

        var body = await (await client.GetAsync(GroupUrl(groupId))).ShouldBeJsonAsync();

        body.GetProperty("id").GetGuid().ShouldBe(groupId);
        body.GetProperty("myRole").GetString().ShouldBe(role);
        body.GetProperty("memberCount").GetInt32().ShouldBe(3);
        body.GetProperty("ownerId").GetGuid().ShouldBe(owner.Value);
    }

    [Test]
    public async Task Get_ByStranger_Is404ExactlyAsForAGroupThatDoesNotExist()
    {
        var (_, _, _, groupId) = await GroupWithAdminAndMemberAsync();
        using var stranger = await ClientForNewAccountAsync();

        var hidden = await (await stranger.GetAsync(GroupUrl(groupId))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var missing = await (await stranger.GetAsync(GroupUrl(Guid.NewGuid()))).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        hidden.GetProperty("detail").GetString().ShouldBe(missing.GetProperty("detail").GetString());
        hidden.GetProperty("type").GetString().ShouldBe(missing.GetProperty("type").GetString());
    }

    [TestCase(Actor.Owner)]
    [TestCase(Actor.Admin)]
    public async Task Update_ByOwnerOrAdmin_Is200WithTheNewNameAndDescription(Actor actor)
    {
        var (owner, admin, member, groupId) = await GroupWithAdminAndMemberAsync();
        using var client = ClientFor(actor, owner, admin, member);

        var response = await client.PatchAsJsonAsync(GroupUrl(groupId), new { name = "Family and friends", description = "Everyone" });

        var body = await response.ShouldBeJsonAsync();
        body.GetProperty("name").GetString().ShouldBe("Family and friends");
        body.GetProperty("description").GetString().ShouldBe("Everyone");
        body.GetProperty("updatedAt").GetDateTimeOffset().ShouldBeGreaterThan(body.GetProperty("createdAt").GetDateTimeOffset());
        using var memberClient = _api.ClientFor(member.Value);
        (await (await memberClient.GetAsync(GroupUrl(groupId))).ShouldBeJsonAsync()).GetProperty("name").GetString().ShouldBe("Family and friends");
    }

    [Test]
    public async Task Update_WhenFieldsAreLeftOut_KeepsThem()
    {
        var (owner, _, _, groupId) = await GroupWithAdminAndMemberAsync();
        using var client = _api.ClientFor(owner.Value);

        var body = await (await client.PatchAsJsonAsync(GroupUrl(groupId), new { description = "" })).ShouldBeJsonAsync();

        body.GetProperty("name").GetString().ShouldBe("Family");
        body.GetProperty("description").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Test]
    public async Task Update_ByMember_Is403()
    {
        var (_, _, member, groupId) = await GroupWithAdminAndMemberAsync();
        using var client = _api.ClientFor(member.Value);

        await (await client.PatchAsJsonAsync(GroupUrl(groupId), new { name = "Mine now" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Update_ByStranger_Is404EvenWithInvalidInput()
    {
        var (_, _, _, groupId) = await GroupWithAdminAndMemberAsync();
        using var stranger = await ClientForNewAccountAsync();

        await (await stranger.PatchAsJsonAsync(GroupUrl(groupId), new { name = "Mine now" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PatchAsJsonAsync(GroupUrl(groupId), new { name = new string('a', 101) })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Update_WhenNameIsTooLong_Is400NamingName()
    {
        var (_, admin, _, groupId) = await GroupWithAdminAndMemberAsync();
        using var client = _api.ClientFor(admin.Value);

        await ShouldBeInvalidAsync(await client.PatchAsJsonAsync(GroupUrl(groupId), new { name = new string('a', 101) }), "name");
    }

    [Test]
    public async Task Delete_ByOwner_Is204AndTheGroupIsGoneForEveryMember()
    {
        var (owner, admin, member, groupId) = await GroupWithAdminAndMemberAsync();
        using var client = _api.ClientFor(owner.Value);

        (await client.DeleteAsync(GroupUrl(groupId))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        foreach (var person in new[] { owner, admin, member })
        {
            using var personClient = _api.ClientFor(person.Value);
            await (await personClient.GetAsync(GroupUrl(groupId))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            var list = await (await personClient.GetAsync(Url("/api/v1/groups"))).ShouldBeJsonAsync();
            list.GetProperty("items").EnumerateArray().ShouldNotContain(g => g.GetProperty("id").GetGuid() == groupId);
        }

        await (await client.GetAsync(MembersUrl(groupId))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [TestCase(Actor.Admin)]
    [TestCase(Actor.Member)]
    public async Task Delete_ByAdminOrMember_Is403AndTheGroupStays(Actor actor)
    {
        var (owner, admin, member, groupId) = await GroupWithAdminAndMemberAsync();
        using var client = ClientFor(actor, owner, admin, member);

        await (await client.DeleteAsync(GroupUrl(groupId))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        (await client.GetAsync(GroupUrl(groupId))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Delete_ByStranger_Is404()
    {
        var (_, _, _, groupId) = await GroupWithAdminAndMemberAsync();
        using var stranger = await ClientForNewAccountAsync();

        await (await stranger.DeleteAsync(GroupUrl(groupId))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [TestCase(Actor.Owner)]
    [TestCase(Actor.Admin)]
    [TestCase(Actor.Member)]
    public async Task ListMembers_ByMember_ListsEveryoneLatestAddedFirst_PageByPage(Actor actor)
    {
        var (owner, admin, member, groupId) = await GroupWithAdminAndMemberAsync();
        using var client = ClientFor(actor, owner, admin, member);

        var first = await (await client.GetAsync(Url($"/api/v1/groups/{groupId}/members?limit=2"))).ShouldBeJsonAsync();
        var cursor = first.GetProperty("nextCursor").GetString();
        cursor.ShouldNotBeNull();
        var second = await (await client.GetAsync(Url($"/api/v1/groups/{groupId}/members?limit=2&cursor={Uri.EscapeDataString(cursor)}"))).ShouldBeJsonAsync();

        var items = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).ToList();
        items.Select(m => m.GetProperty("userId").GetGuid()).ShouldBe([member.Value, admin.Value, owner.Value]);
        items.Select(m => m.GetProperty("role").GetString()).ShouldBe(["member", "admin", "owner"]);
        items[0].GetProperty("email").GetString().ShouldBe(member.Email);
        items[0].GetProperty("displayName").GetString().ShouldBe(member.DisplayName);
        items[0].GetProperty("addedAt").GetDateTimeOffset().ShouldBeGreaterThanOrEqualTo(items[1].GetProperty("addedAt").GetDateTimeOffset());
        second.GetProperty("nextCursor").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Test]
    public async Task ListMembers_WithACursorOfAnotherGroup_Is400()
    {
        var (owner, _, _, groupId) = await GroupWithAdminAndMemberAsync();
        using var client = _api.ClientFor(owner.Value);
        var other = await CreateGroupAsync(client, "Other");
        await AddMemberAsync(client, other, (await _api.AccountAsync()).Email);
        var page = await (await client.GetAsync(Url($"/api/v1/groups/{other}/members?limit=1"))).ShouldBeJsonAsync();
        var cursor = page.GetProperty("nextCursor").GetString()!;

        var response = await client.GetAsync(Url($"/api/v1/groups/{groupId}/members?cursor={Uri.EscapeDataString(cursor)}"));

        await ShouldBeInvalidAsync(response, "cursor");
    }

    [Test]
    public async Task ListMembers_ByStranger_Is404()
    {
        var (_, _, _, groupId) = await GroupWithAdminAndMemberAsync();
        using var stranger = await ClientForNewAccountAsync();

        await (await stranger.GetAsync(MembersUrl(groupId))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [TestCase(Actor.Owner, null, "member")]
    [TestCase(Actor.Admin, "admin", "admin")]
    public async Task AddMember_ByOwnerOrAdmin_Is201AndThePersonSeesTheGroup(Actor actor, string? role, string expectedRole)
    {
        var (owner, admin, member, groupId) = await GroupWithAdminAndMemberAsync();
        using var client = ClientFor(actor, owner, admin, member);
        var person = await _api.AccountAsync();

        var response = await client.PostAsJsonAsync(MembersUrl(groupId), new { email = person.Email.ToUpperInvariant(), role });

        var body = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        body.GetProperty("userId").GetGuid().ShouldBe(person.Value);
        body.GetProperty("email").GetString().ShouldBe(person.Email);
        body.GetProperty("displayName").GetString().ShouldBe(person.DisplayName);
        body.GetProperty("role").GetString().ShouldBe(expectedRole);
        body.GetProperty("addedAt").GetDateTimeOffset().ShouldBe(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        using var personClient = _api.ClientFor(person.Value);
        var seen = await (await personClient.GetAsync(GroupUrl(groupId))).ShouldBeJsonAsync();
        seen.GetProperty("myRole").GetString().ShouldBe(expectedRole);
        seen.GetProperty("memberCount").GetInt32().ShouldBe(4);
    }

    [Test]
    public async Task AddMember_ByMember_Is403()
    {
        var (_, _, member, groupId) = await GroupWithAdminAndMemberAsync();
        using var client = _api.ClientFor(member.Value);
        var person = await _api.AccountAsync();

        await (await client.PostAsJsonAsync(MembersUrl(groupId), new { email = person.Email })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task AddMember_ByStranger_Is404WhateverTheInput()
    {
        var (_, _, _, groupId) = await GroupWithAdminAndMemberAsync();
        using var stranger = await ClientForNewAccountAsync();
        var person = await _api.AccountAsync();

        await (await stranger.PostAsJsonAsync(MembersUrl(groupId), new { email = person.Email })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostAsJsonAsync(MembersUrl(groupId), new { email = SeedAccounts.NewEmail() })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostAsJsonAsync(MembersUrl(groupId), new { email = "not an address" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [TestCase(Actor.Admin)]
    [TestCase(Actor.Member)]
    [TestCase(Actor.Owner)]
    public async Task AddMember_WhenThePersonIsAlreadyAMember_Is409(Actor existing)
    {
        var (owner, admin, member, groupId) = await GroupWithAdminAndMemberAsync();
        using var client = _api.ClientFor(owner.Value);
        var email = existing switch { Actor.Admin => admin.Email, Actor.Member => member.Email, _ => owner.Email };

        await (await client.PostAsJsonAsync(MembersUrl(groupId), new { email })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task AddMember_WhenTheAccountIsUnknownUnverifiedOrDisabled_Is400TheSameForEach()
    {
        var (owner, _, _, groupId) = await GroupWithAdminAndMemberAsync();
        using var client = _api.ClientFor(owner.Value);
        var unverified = await _api.AccountAsync(emailConfirmed: false);
        var disabled = await _api.AccountAsync(disabled: true);

        var unknownErrors = await ShouldBeInvalidAsync(await client.PostAsJsonAsync(MembersUrl(groupId), new { email = SeedAccounts.NewEmail() }), "email");
        var unverifiedErrors = await ShouldBeInvalidAsync(await client.PostAsJsonAsync(MembersUrl(groupId), new { email = unverified.Email }), "email");
        var disabledErrors = await ShouldBeInvalidAsync(await client.PostAsJsonAsync(MembersUrl(groupId), new { email = disabled.Email }), "email");

        unverifiedErrors.ToString().ShouldBe(unknownErrors.ToString());
        disabledErrors.ToString().ShouldBe(unknownErrors.ToString());
        (await MembersAsync(client, groupId)).Count.ShouldBe(3);
    }

    [TestCase("owner")]
    [TestCase("viewer")]
    public async Task AddMember_WhenRoleIsNotMemberOrAdmin_Is400NamingRole(string role)
    {
        var (owner, _, _, groupId) = await GroupWithAdminAndMemberAsync();
        using var client = _api.ClientFor(owner.Value);
        var person = await _api.AccountAsync();

        await ShouldBeInvalidAsync(await client.PostAsJsonAsync(MembersUrl(groupId), new { email = person.Email, role }), "role");
    }

    [TestCase(Actor.Owner)]
    [TestCase(Actor.Admin)]
    public async Task ChangeMember_ByOwnerOrAdmin_Is200WithTheNewRole(Actor actor)
    {
        var (owner, admin, member, groupId) = await GroupWithAdminAndMemberAsync();
        using var client = ClientFor(actor, owner, admin, member);

        var body = await (await client.PatchAsJsonAsync(MemberUrl(groupId, member.Value), new { role = "admin" })).ShouldBeJsonAsync();

        body.GetProperty("userId").GetGuid().ShouldBe(member.Value);
        body.GetProperty("role").GetString().ShouldBe("admin");
        body.GetProperty("email").GetString().ShouldBe(member.Email);
        using var memberClient = _api.ClientFor(member.Value);
        (await (await memberClient.GetAsync(GroupUrl(groupId))).ShouldBeJsonAsync()).GetProperty("myRole").GetString().ShouldBe("admin");
    }

    [TestCase(Actor.Owner)]
    [TestCase(Actor.Admin)]
    public async Task ChangeMember_OfTheOwner_Is400(Actor actor)
    {
        var (owner, admin, member, groupId) = await GroupWithAdminAndMemberAsync();
        using var client = ClientFor(actor, owner, admin, member);

        await ShouldBeInvalidAsync(await client.PatchAsJsonAsync(MemberUrl(groupId, owner.Value), new { role = "member" }), "userId");
    }

    [Test]
    public async Task ChangeMember_ByMember_Is403()
    {
        var (_, admin, member, groupId) = await GroupWithAdminAndMemberAsync();
        using var client = _api.ClientFor(member.Value);

        await (await client.PatchAsJsonAsync(MemberUrl(groupId, admin.Value), new { role = "member" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PatchAsJsonAsync(MemberUrl(groupId, member.Value), new { role = "admin" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task ChangeMember_WhenThePersonIsNotAMember_Is404()
    {
        var (owner, _, _, groupId) = await GroupWithAdminAndMemberAsync();
        using var client = _api.ClientFor(owner.Value);
        var person = await _api.AccountAsync();

        await (await client.PatchAsJsonAsync(MemberUrl(groupId, person.Value), new { role = "admin" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task ChangeMember_WhenRoleIsNotMemberOrAdmin_Is400NamingRole()
    {
        var (owner, _, member, groupId) = await GroupWithAdminAndMemberAsync();
        using var client = _api.ClientFor(owner.Value);

        await ShouldBeInvalidAsync(await client.PatchAsJsonAsync(MemberUrl(groupId, member.Value), new { role = "owner" }), "role");
    }

    [Test]
    public async Task ChangeMember_ByStranger_Is404()
    {
        var (_, _, member, groupId) = await GroupWithAdminAndMemberAsync();
        using var stranger = await ClientForNewAccountAsync();

        await (await stranger.PatchAsJsonAsync(MemberUrl(groupId, member.Value), new { role = "admin" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [TestCase(Actor.Owner, Actor.Member)]
    [TestCase(Actor.Owner, Actor.Admin)]
    [TestCase(Actor.Admin, Actor.Member)]
    public async Task RemoveMember_ByOwnerOrAdmin_Is204AndTheRemovedPersonNoLongerSeesTheGroup(Actor actor, Actor removed)
    {
        var (owner, admin, member, groupId) = await GroupWithAdminAndMemberAsync();
        using var client = ClientFor(actor, owner, admin, member);
        var target = removed == Actor.Admin ? admin : member;

        (await client.DeleteAsync(MemberUrl(groupId, target.Value))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        using var removedClient = _api.ClientFor(target.Value);
        await (await removedClient.GetAsync(GroupUrl(groupId))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await MembersAsync(client, groupId)).Select(m => m.GetProperty("userId").GetGuid()).ShouldNotContain(target.Value);
    }

    [TestCase(Actor.Admin)]
    [TestCase(Actor.Member)]
    public async Task RemoveMember_ThemselvesToLeave_Is204(Actor actor)
    {
        var (owner, admin, member, groupId) = await GroupWithAdminAndMemberAsync();
        using var client = ClientFor(actor, owner, admin, member);
        var leaver = actor == Actor.Admin ? admin : member;

        (await client.DeleteAsync(MemberUrl(groupId, leaver.Value))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await client.GetAsync(GroupUrl(groupId))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.DeleteAsync(MemberUrl(groupId, leaver.Value))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [TestCase(Actor.Owner)]
    [TestCase(Actor.Admin)]
    public async Task RemoveMember_OfTheOwner_Is400(Actor actor)
    {
        var (owner, admin, member, groupId) = await GroupWithAdminAndMemberAsync();
        using var client = ClientFor(actor, owner, admin, member);

        await ShouldBeInvalidAsync(await client.DeleteAsync(MemberUrl(groupId, owner.Value)), "userId");

        using var ownerClient = _api.ClientFor(owner.Value);
        (await (await ownerClient.GetAsync(GroupUrl(groupId))).ShouldBeJsonAsync()).GetProperty("myRole").GetString().ShouldBe("owner");
    }

    [Test]
    public async Task RemoveMember_ByMemberOfSomeoneElse_Is403()
    {
        var (_, admin, member, groupId) = await GroupWithAdminAndMemberAsync();
        using var client = _api.ClientFor(member.Value);

        await (await client.DeleteAsync(MemberUrl(groupId, admin.Value))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task RemoveMember_ByStranger_Is404()
    {
        var (_, _, member, groupId) = await GroupWithAdminAndMemberAsync();
        using var stranger = await ClientForNewAccountAsync();

        await (await stranger.DeleteAsync(MemberUrl(groupId, member.Value))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task RemoveMember_WhenThePersonIsNotAMember_Is404()
    {
        var (owner, _, _, groupId) = await GroupWithAdminAndMemberAsync();
        using var client = _api.ClientFor(owner.Value);

        await (await client.DeleteAsync(MemberUrl(groupId, Guid.NewGuid()))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>A group made over HTTP by its owner, with an admin and then a plain member added.</summary>
    private async Task<(TestAccount Owner, TestAccount Admin, TestAccount Member, Guid GroupId)> GroupWithAdminAndMemberAsync()
    {
        var owner = await _api.AccountAsync();
        var admin = await _api.AccountAsync();
        var member = await _api.AccountAsync();
        using var client = _api.ClientFor(owner.Value);
        var groupId = await CreateGroupAsync(client, "Family");
        await AddMemberAsync(client, groupId, admin.Email, "admin");
        await AddMemberAsync(client, groupId, member.Email);
        return (owner, admin, member, groupId);
    }

    private HttpClient ClientFor(Actor actor, TestAccount owner, TestAccount admin, TestAccount member) =>
        _api.ClientFor((actor switch { Actor.Owner => owner, Actor.Admin => admin, _ => member }).Value);

    private async Task<HttpClient> ClientForNewAccountAsync() => _api.ClientFor((await _api.AccountAsync()).Value);

    private static async Task<Guid> CreateGroupAsync(HttpClient client, string name) =>
        (await (await client.PostAsJsonAsync(Url("/api/v1/groups"), new { name })).ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private static async Task AddMemberAsync(HttpClient client, Guid groupId, string email, string? role = null) =>
        await (await client.PostAsJsonAsync(MembersUrl(groupId), new { email, role })).ShouldBeJsonAsync(HttpStatusCode.Created);

    private static async Task<List<JsonElement>> MembersAsync(HttpClient client, Guid groupId) =>
        [.. (await (await client.GetAsync(MembersUrl(groupId))).ShouldBeJsonAsync()).GetProperty("items").EnumerateArray()];

    private static async Task<JsonElement> ShouldBeInvalidAsync(HttpResponseMessage response, string field)
    {
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        errors.TryGetProperty(field, out var messages).ShouldBeTrue($"errors has no '{field}': {errors}");
        messages.GetArrayLength().ShouldBeGreaterThan(0);
        return errors;
    }

    private static Uri GroupUrl(Guid groupId) => Url($"/api/v1/groups/{groupId}");

    private static Uri MembersUrl(Guid groupId) => Url($"/api/v1/groups/{groupId}/members");

    private static Uri MemberUrl(Guid groupId, Guid userId) => Url($"/api/v1/groups/{groupId}/members/{userId}");
}
