using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Sharing;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Media;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Owners;
using MediaVault.Domain.Sharing;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Infrastructure.Identity;
using MediaVault.Integration.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaVault.Integration.Tests.Authorization;

/// <summary>
/// Executes every cell of <see cref="AuthorizationMatrix"/> against the real host: for each cell a fresh ready asset
/// with an owner, a manager, an editor, a viewer, a view-only viewer, an expired and a revoked (manager) grant, a
/// disabled manager, a bystander holding a viewer grant, a public link, strangers, three groups holding grants on it
/// (an editor group with a member, a viewer group with an admin, a manager group whose member was removed) and a
/// collection of the owner's containing it, with viewer, editor and manager grants, a bystander's viewer grant, an
/// expired and a revoked manager grant and a grant to the manager group, and two view links on it, one with a password
/// (for the opted-out caller's cells the asset does not inherit access); then the one request, compared to the exact
/// status.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class AuthorizationMatrixTests(DatabaseProvider provider)
{
    private static readonly UpperInvariantLookupNormalizer Normalizer = new();
    private MediaVaultApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await MediaVaultApi.StartAsync(
        provider, overrides: new Dictionary<string, string?> { ["RateLimiting:PublicLinkPermitsPerMinute"] = "1000000" });

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    public static IEnumerable<TestCaseData> Cells() =>
        AuthorizationMatrix.Cells().Select(cell => new TestCaseData(AuthorizationMatrix.AllRows.ToList().IndexOf(cell.Row), cell.Actor)
            .SetName($"Matrix: {cell.Row.Label.Replace('{', '<').Replace('}', '>')} as {AuthorizationMatrix.ColumnName(cell.Actor)} is {cell.Expected}"));

    [TestCaseSource(nameof(Cells))]
    public async Task Cell_AnswersExactlyAsTheMatrixSays(int rowIndex, Actor actor)
    {
        var row = AuthorizationMatrix.AllRows[rowIndex];
        var expected = row.Expected[actor];
        var arranged = await ArrangeAsync(actor);
        using var client = _api.CreateClient();
        var path = await FillDropsAsync(client, arranged.Fill(row.Path, actor), arranged);
        using var request = new HttpRequestMessage(new HttpMethod(row.Method), new Uri(path, UriKind.Relative));
        if (row.Body is { } body)
        {
            request.Content = new StringContent(arranged.Fill(body, actor), Encoding.UTF8, "application/json");
        }

        if (arranged.People.GetValueOrDefault(actor) is { } person)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(
                "Bearer", TestTokens.For(person.Value, roles: actor == Actor.Admin ? ["admin"] : []));
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var actual = (int)response.StatusCode;
        var listedId = row.Path.StartsWith("/api/v1/collections?", StringComparison.Ordinal) ? arranged.CollectionId.Value : arranged.AssetId.Value;
        bool? listed = expected.Listed is not null && actual == 200 ? Lists(text, listedId) : null;
        actual.ShouldBe(expected.Status, $"{row.Label} as {actor}: {text}");
        listed.ShouldBe(expected.Listed, $"{row.Label} as {actor}: {text}");
        if (actual >= 400)
        {
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", text);
        }
    }

    /// <summary>
    /// Starts the drops a drop row completes, anonymously as an uploader would: <c>{uploadId}</c> through the upload link,
    /// its bytes sent to the embedded store, and <c>{otherUploadId}</c> through the other upload link.
    /// </summary>
    private static async Task<string> FillDropsAsync(HttpClient anonymous, string path, Arrangement arranged)
    {
        if (path.Contains("{uploadId}", StringComparison.Ordinal))
        {
            var uploadId = await anonymous.StartAndPutAsync(anonymous, arranged.UploadToken, new byte[1234], "drop.png");
            path = path.Replace("{uploadId}", uploadId, StringComparison.Ordinal);
        }

        if (path.Contains("{otherUploadId}", StringComparison.Ordinal))
        {
            var started = await (await anonymous.StartDropAsync(arranged.OtherUploadToken, "other.png", "image/png", 1234)).ShouldBeJsonAsync(System.Net.HttpStatusCode.Created);
            path = path.Replace("{otherUploadId}", started.GetProperty("uploadId").GetString()!, StringComparison.Ordinal);
        }

        return path;
    }

    /// <summary>Whether a list names the asset (or collection); for the batch check (items of <c>{assetId, access}</c>), whether it answers <c>canView</c>.</summary>
    private static bool Lists(string body, Guid id)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("items").EnumerateArray().Any(i => i.TryGetProperty("assetId", out var checkedId)
            ? checkedId.GetGuid() == id && i.GetProperty("access").GetProperty("canView").GetBoolean()
            : i.GetProperty("id").GetGuid() == id);
    }

    /// <summary>Everything a cell needs, arranged through the domain (a few saves: groups exist before grants name them).</summary>
    private async Task<Arrangement> ArrangeAsync(Actor caller)
    {
        var people = Enum.GetValues<Actor>().Where(a => a != Actor.Anonymous)
            .ToDictionary(a => a, a => new TestAccount(Domain.Users.UserId.New(), SeedAccounts.NewEmail(a.ToString().ToLowerInvariant()), a.ToString()));
        var bystander = new TestAccount(Domain.Users.UserId.New(), SeedAccounts.NewEmail("bystander"), "Bystander");
        var target = new TestAccount(Domain.Users.UserId.New(), SeedAccounts.NewEmail("target"), "Target");
        var token = LinkTokens.New();
        var trashedToken = LinkTokens.New();
        var viewToken = LinkTokens.New();
        var lockedViewToken = LinkTokens.New();
        var (uploadToken, passwordUploadToken, otherUploadToken) = (LinkTokens.New(), LinkTokens.New(), LinkTokens.New());
        var hasher = _api.Services.GetRequiredService<ISecretHasher>();
        var lockedHash = hasher.Hash("matrix password");

        var (assetId, grants, bystanderGrant, linkId, trashedId, collectionId, collectionGrants, bystanderCollectionGrant, collectionLinkId) = await _api.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            foreach (var (actor, account) in people.Select(p => (p.Key, p.Value)).Append((Actor.Stranger, bystander)).Append((Actor.Stranger, target)))
            {
                db.Users.Add(User(account, disabled: actor == Actor.DisabledUser, now));
                db.Owners.Add(Owner.Open(account.Id, Seed.Quota, now));
            }

            await db.SaveChangesAsync();
            var owner = await db.Owners.SingleAsync(o => o.Id == people[Actor.Owner].Id);
            var groups = new Dictionary<Actor, (Group Group, AccessRole Role)>();
            foreach (var (actor, memberRole, role) in new[]
            {
                (Actor.GroupMember, GroupRole.Member, AccessRole.Editor),
                (Actor.GroupAdmin, GroupRole.Admin, AccessRole.Viewer),
                (Actor.RemovedMember, GroupRole.Member, AccessRole.Manager),
            })
            {
                var group = Group.Create($"Matrix {AuthorizationMatrix.ColumnName(actor)}s", null, owner.Id, now);
                group.AddMember(owner.Id, people[actor].Id, memberRole, now);
                db.Set<Group>().Add(group);
                groups[actor] = (group, role);
            }

            await db.SaveChangesAsync();

            var asset = Asset.Register(
                owner, FileName.Create("matrix.png"), ContentType.Create("image/png"), 1234, Seed.Quota, null, null, null, [], now.AddMinutes(15), now);
            var ownerAccess = AccessPolicy.Evaluate(asset, owner.Id, now);
            asset.CompleteUpload(owner, ownerAccess, 1234, "image/png", now);
            asset.RecordRenditionReady(Rendition.Thumbnail, "image/webp", 16, 16, now);
            ownerAccess = AccessPolicy.Evaluate(asset, owner.Id, now);
            var grants = new Dictionary<Actor, GrantId>();
            foreach (var (actor, role) in new[]
            {
                (Actor.Manager, AccessRole.Manager), (Actor.Editor, AccessRole.Editor), (Actor.Viewer, AccessRole.Viewer),
                (Actor.ExpiredGrant, AccessRole.Manager), (Actor.RevokedGrant, AccessRole.Manager), (Actor.DisabledUser, AccessRole.Manager),
                (Actor.ViewOnly, AccessRole.Viewer),
            })
            {
                grants[actor] = asset.ShareWith(
                    owner.Id, ownerAccess, Grantee.OfPerson(people[actor].Id), role, allowDownload: actor != Actor.ViewOnly,
                    actor == Actor.ExpiredGrant ? now.AddDays(1) : null, now).Id;
            }

            asset.RevokeGrant(owner.Id, ownerAccess, grants[Actor.RevokedGrant], now);
            var bystanderGrant = asset.ShareWith(owner.Id, ownerAccess, Grantee.OfPerson(bystander.Id), AccessRole.Viewer, true, null, now).Id;
            foreach (var (group, role) in groups.Values)
            {
                asset.ShareWith(owner.Id, ownerAccess, Grantee.OfGroup(group.Id), role, true, null, now);
            }

            if (caller == Actor.OptedOut)
            {
                asset.ChangeInheritance(owner.Id, ownerAccess, inheritsAccess: false, now);
            }

            var link = ShareLink.Create(asset, owner.Id, ownerAccess, LinkTokens.Hash(token), null, null, null, now);
            db.Assets.Add(asset);
            db.Links.Add(link);

            // A second asset shared the same way, then moved to the trash: nobody sees it, only its owner restores it.
            var trashed = Asset.Register(
                owner, FileName.Create("trashed.png"), ContentType.Create("image/png"), 1234, Seed.Quota, null, null, null, [], now.AddMinutes(15), now);
            trashed.CompleteUpload(owner, AccessPolicy.Evaluate(trashed, owner.Id, now), 1234, "image/png", now);
            var trashedAccess = AccessPolicy.Evaluate(trashed, owner.Id, now);
            foreach (var actor in new[] { Actor.Manager, Actor.Editor, Actor.Viewer, Actor.DisabledUser })
            {
                trashed.ShareWith(owner.Id, trashedAccess, Grantee.OfPerson(people[actor].Id), AccessRole.Manager, true, null, now);
            }

            db.Links.Add(ShareLink.Create(trashed, owner.Id, trashedAccess, LinkTokens.Hash(trashedToken), null, null, null, now));
            trashed.Delete(owner, trashedAccess, TimeSpan.FromDays(30), now);
            db.Assets.Add(trashed);
            await db.SaveChangesAsync();

            var ownerMemberships = new Memberships(owner.Id, groups.Values.Select(g => g.Group.Id).ToHashSet());
            var collection = Collection.Create("Matrix album", null, owner.Id, now);
            var otherCollection = Collection.Create("Matrix drops", null, owner.Id, now);
            collection.AddAssets(ownerMemberships, [new AssetToAdd(asset.Id, asset.CreatedAt, asset.Status, ownerAccess)], now);
            var collectionGrants = new Dictionary<Actor, GrantId>();
            foreach (var (actor, role) in new[]
            {
                (Actor.CollectionViewer, AccessRole.Viewer), (Actor.CollectionEditor, AccessRole.Editor),
                (Actor.CollectionManager, AccessRole.Manager), (Actor.OptedOut, AccessRole.Manager),
                (Actor.ExpiredGrant, AccessRole.Manager), (Actor.RevokedGrant, AccessRole.Manager),
            })
            {
                collectionGrants[actor] = collection.ShareWith(
                    ownerMemberships, Grantee.OfPerson(people[actor].Id), role, true, actor == Actor.ExpiredGrant ? now.AddDays(1) : null, now).Id;
            }

            collection.RevokeGrant(ownerMemberships, collectionGrants[Actor.RevokedGrant], now);
            collection.ShareWith(ownerMemberships, Grantee.OfGroup(groups[Actor.RemovedMember].Group.Id), AccessRole.Manager, true, null, now);
            var bystanderCollectionGrant = collection.ShareWith(ownerMemberships, Grantee.OfPerson(bystander.Id), AccessRole.Viewer, true, null, now).Id;
            db.Collections.Add(collection);
            var viewLink = ShareLink.ForCollection(collection, ownerMemberships, LinkKind.View, LinkTokens.Hash(viewToken), null, null, new LinkLimits(), now);
            db.Links.Add(viewLink);
            db.Links.Add(ShareLink.ForCollection(collection, ownerMemberships, LinkKind.View, LinkTokens.Hash(lockedViewToken), lockedHash, null, new LinkLimits(), now));
            foreach (var (dropToken, password) in new[] { (uploadToken, (string?)null), (passwordUploadToken, lockedHash), (otherUploadToken, null) })
            {
                var linkOwner = dropToken == otherUploadToken ? otherCollection : collection;
                db.Links.Add(ShareLink.ForCollection(linkOwner, ownerMemberships, LinkKind.Upload, LinkTokens.Hash(dropToken), password, null, new LinkLimits(), now));
            }

            db.Collections.Add(otherCollection);
            groups[Actor.RemovedMember].Group.RemoveMember(owner.Id, people[Actor.RemovedMember].Id, now);
            await db.SaveChangesAsync();
            await db.Grants.Where(g => g.Id == grants[Actor.ExpiredGrant])
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.ExpiresAt, now.AddSeconds(-1)));
            await db.Set<CollectionGrant>().Where(g => g.Id == collectionGrants[Actor.ExpiredGrant])
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.ExpiresAt, now.AddSeconds(-1)));
            return (asset.Id, grants, bystanderGrant, link.Id, trashed.Id, collection.Id, collectionGrants, bystanderCollectionGrant, viewLink.Id);
        });

        return new Arrangement(
            assetId, people, grants, bystanderGrant, linkId, token, target, trashedId, trashedToken, collectionId, collectionGrants, bystanderCollectionGrant,
            new ViewLinks(collectionLinkId, viewToken, lockedViewToken))
        {
            UploadToken = uploadToken,
            PasswordUploadToken = passwordUploadToken,
            OtherUploadToken = otherUploadToken,
        };
    }

    private static ApplicationUser User(TestAccount account, bool disabled, DateTimeOffset now) => new()
    {
        Id = account.Value,
        UserName = account.Email,
        NormalizedUserName = Normalizer.NormalizeName(account.Email),
        Email = account.Email,
        NormalizedEmail = Normalizer.NormalizeEmail(account.Email),
        EmailConfirmed = true,
        IsDisabled = disabled,
        DisplayName = account.DisplayName,
        SecurityStamp = TestTokens.SecurityStamp,
        ConcurrencyStamp = Guid.NewGuid().ToString(),
        CreatedAt = now,
    };

    /// <summary>Two view links on the collection: one open (its id and token), one with the password <c>matrix password</c>.</summary>
    private sealed record ViewLinks(LinkId LinkId, string Token, string LockedToken);

    private sealed record Arrangement(
        AssetId AssetId,
        Dictionary<Actor, TestAccount> People,
        Dictionary<Actor, GrantId> OwnGrants,
        GrantId BystanderGrant,
        LinkId LinkId,
        string Token,
        TestAccount Target,
        AssetId TrashedId,
        string TrashedToken,
        CollectionId CollectionId,
        Dictionary<Actor, GrantId> OwnCollectionGrants,
        GrantId BystanderCollectionGrant,
        ViewLinks ViewLinks)
    {
        /// <summary>A well-formed token of no link: what a caller not holding the link can only guess.</summary>
        private static readonly string UnknownToken = LinkTokens.New();

        public string UploadToken { get; init; } = string.Empty;

        public string PasswordUploadToken { get; init; } = string.Empty;

        public string OtherUploadToken { get; init; } = string.Empty;

        public string Fill(string template, Actor actor) => template
            .Replace("{uploadToken}", UploadToken, StringComparison.Ordinal)
            .Replace("{passwordUploadToken}", PasswordUploadToken, StringComparison.Ordinal)
            .Replace("{id}", AssetId.ToString(), StringComparison.Ordinal)
            .Replace("{trashedId}", TrashedId.ToString(), StringComparison.Ordinal)
            .Replace("{trashedToken}", TrashedToken, StringComparison.Ordinal)
            .Replace("{viewToken}", ViewLinks.Token, StringComparison.Ordinal)
            .Replace("{lockedViewToken}", ViewLinks.LockedToken, StringComparison.Ordinal)
            .Replace("{unknownToken}", UnknownToken, StringComparison.Ordinal)
            .Replace("{collectionLinkId}", ViewLinks.LinkId.ToString(), StringComparison.Ordinal)
            .Replace("{grantId}", BystanderGrant.ToString(), StringComparison.Ordinal)
            .Replace("{ownGrantId}", (OwnGrants.TryGetValue(actor, out var own) ? own : BystanderGrant).ToString(), StringComparison.Ordinal)
            .Replace("{linkId}", LinkId.ToString(), StringComparison.Ordinal)
            .Replace("{token}", Token, StringComparison.Ordinal)
            .Replace("{targetEmail}", Target.Email, StringComparison.Ordinal)
            .Replace("{targetId}", Target.Value.ToString(), StringComparison.Ordinal)
            .Replace("{collectionId}", CollectionId.ToString(), StringComparison.Ordinal)
            .Replace("{collectionGrantId}", BystanderCollectionGrant.ToString(), StringComparison.Ordinal)
            .Replace(
                "{ownCollectionGrantId}",
                (OwnCollectionGrants.TryGetValue(actor, out var ownOnCollection) ? ownOnCollection : BystanderCollectionGrant).ToString(),
                StringComparison.Ordinal);
    }
}
