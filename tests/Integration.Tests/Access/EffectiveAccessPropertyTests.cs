using System.Net;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Media;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Sharing;
using MediaVault.Domain.Users;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MediaVault.Integration.Tests.Support.SeedSharing;

namespace MediaVault.Integration.Tests.Access;

/// <summary>
/// The one rule, checked on random worlds (fixed seeds): people, groups with members, assets (some pending, some in
/// doubt, some opted out of inherited access), collections holding them, grants on assets and on collections to people
/// and to groups, some expired and some revoked. For every person, the assets <c>GET /assets?scope=all</c> lists (all
/// pages) are exactly those <c>POST /assets/access</c> says it can view, with the same <c>access</c> as there and as
/// <c>GET /assets/{id}</c>; <c>scope=shared</c> is the same less its own; and all agree with a plain restatement of the
/// contract's rule computed here from the world as built.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class EffectiveAccessPropertyTests(DatabaseProvider provider)
{
    private const int People = 7;
    private const int Groups = 3;
    private const int Assets = 36;
    private const int Collections = 4;
    private const int AssetGrants = 30;
    private const int CollectionGrants = 9;

    private MediaVaultApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await MediaVaultApi.StartAsync(provider);

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [TestCase(20261206)]
    [TestCase(11)]
    [TestCase(4242)]
    public async Task ListAndBatchCheck_ForEveryPersonInARandomWorld_AgreeWithEachOtherAndWithTheRule(int seed)
    {
        var world = await BuildWorldAsync(new Random(seed));
        var everyAsset = world.Assets.Select(a => a.Id.Value).Append(Guid.NewGuid()).ToList();

        foreach (var person in world.People)
        {
            using var client = _api.ClientFor(person.Value);
            var listed = await client.ListAllAsync("all", limit: 5);
            var checkedItems = await client.CheckAccessAsync(everyAsset);

            var listedIds = listed.Select(i => i.GetProperty("id").GetGuid()).ToList();
            listedIds.ShouldBeUnique($"person {person}: a page repeated an asset");
            var viewable = checkedItems.Where(i => i.GetProperty("access").GetProperty("canView").GetBoolean()).Select(i => i.GetProperty("assetId").GetGuid());
            listedIds.ToHashSet().SetEquals(viewable).ShouldBeTrue(
                $"seed {seed}, person {person}: listed [{string.Join(", ", listedIds.Order())}], batch can view [{string.Join(", ", viewable.Order())}]");
            var batch = checkedItems.ToDictionary(i => i.GetProperty("assetId").GetGuid(), i => i.GetProperty("access"));
            foreach (var item in listed)
            {
                item.GetProperty("access").GetRawText().ShouldBe(batch[item.GetProperty("id").GetGuid()].GetRawText(), $"seed {seed}, person {person}, asset {item.GetProperty("id")}");
            }

            foreach (var asset in world.Assets)
            {
                var (role, canDownload) = world.Expected(person, asset.Id);
                var access = batch[asset.Id.Value];
                var because = $"seed {seed}, person {person}, asset {asset.Id}";
                access.GetProperty("role").GetString().ShouldBe(role?.ToString().ToLowerInvariant(), because);
                access.GetProperty("canView").GetBoolean().ShouldBe(role is not null, because);
                access.GetProperty("canDownload").GetBoolean().ShouldBe(canDownload, because);
                access.GetProperty("canEdit").GetBoolean().ShouldBe(role >= AccessRole.Editor, because);
                access.GetProperty("canShare").GetBoolean().ShouldBe(role >= AccessRole.Manager, because);
                access.GetProperty("canDelete").GetBoolean().ShouldBe(role == AccessRole.Owner, because);

                // The single-asset read decides through the aggregate and the path port: the same answer.
                using var single = await client.GetAsync(Url($"/api/v1/assets/{asset.Id}"));
                if (role is null)
                {
                    await single.ShouldBeProblemAsync(HttpStatusCode.NotFound);
                }
                else
                {
                    (await single.ShouldBeJsonAsync()).GetProperty("access").GetRawText().ShouldBe(access.GetRawText(), because);
                }
            }

            var shared = (await client.ListAllAsync("shared", limit: 4)).Select(i => i.GetProperty("id").GetGuid()).ToHashSet();
            shared.SetEquals(world.Assets.Where(a => world.Expected(person, a.Id).Role is not (null or AccessRole.Owner)).Select(a => a.Id.Value))
                .ShouldBeTrue($"seed {seed}, person {person}: scope=shared");

            batch[everyAsset[^1]].GetProperty("canView").GetBoolean().ShouldBeFalse();
            var createdAt = listed.Select(i => i.GetProperty("createdAt").GetDateTimeOffset()).ToList();
            createdAt.SequenceEqual(createdAt.OrderDescending()).ShouldBeTrue($"seed {seed}, person {person}: not newest first");
        }
    }

    private async Task<World> BuildWorldAsync(Random random)
    {
        var people = new List<UserId>();
        for (var i = 0; i < People; i++)
        {
            people.Add((await _api.AccountAsync()).Id);
        }

        // Assets created within a few minutes of each other, so that some share a createdAt and the id breaks the tie (and
        // pending ones stay inside their upload window).
        var start = DateTimeOffset.UtcNow.AddMinutes(-5);
        var assets = new List<Asset>();
        for (var i = 0; i < Assets; i++)
        {
            var owner = people[random.Next(People)];
            var createdAt = start.AddMinutes(random.Next(12));
            assets.Add(await _api.AssetAsync(owner, ready: random.NextDouble() > 0.15, createdAt: createdAt));
        }

        var world = new World(people, assets);
        await _api.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var ids = assets.Select(a => a.Id).ToList();
            var loaded = await db.Assets.Include(a => a.Grants).Where(a => ids.Contains(a.Id)).ToListAsync();

            for (var g = 0; g < Groups; g++)
            {
                var founder = people[random.Next(People)];
                var group = Group.Create($"World group {g}", null, founder, now);
                foreach (var member in people.Where(p => p != founder && random.NextDouble() < 0.4))
                {
                    group.AddMember(founder, member, random.NextDouble() < 0.3 ? GroupRole.Admin : GroupRole.Member, now);
                }

                db.Set<Group>().Add(group);
                world.Groups[group.Id] = [.. group.Members.Select(m => m.UserId)];
            }

            foreach (var asset in loaded.Where(a => random.NextDouble() < 0.2))
            {
                asset.ChangeInheritance(asset.OwnerId, AccessPolicy.Evaluate(asset, asset.OwnerId, now), false, now);
            }

            for (var i = 0; i < AssetGrants; i++)
            {
                var asset = loaded[random.Next(loaded.Count)];
                var grantee = PickGrantee(random, world);
                if ((grantee.PersonId is { } p && p == asset.OwnerId) || asset.HasLiveGrant(grantee, now))
                {
                    continue;
                }

                var grant = asset.ShareWith(
                    asset.OwnerId, AccessPolicy.Evaluate(asset, asset.OwnerId, now), grantee, PickRole(random), random.NextDouble() < 0.7, Expiry(random, now), now);
                var fate = Fate(random);
                if (fate == GrantFate.Revoked)
                {
                    asset.RevokeGrant(asset.OwnerId, AccessPolicy.Evaluate(asset, asset.OwnerId, now), grant.Id, now);
                }

                world.Grants.Add(new WorldGrant(grant.Id, [asset.Id], grantee, grant.Role, grant.AllowDownload, fate == GrantFate.Active) { Expired = fate == GrantFate.Expired });
            }

            var readyAssets = loaded.Where(a => a.Status == AssetStatus.Ready).ToList();
            var collections = new List<Collection>();
            for (var c = 0; c < Collections; c++)
            {
                var owner = people[random.Next(People)];
                var collection = Collection.Create($"World album {c}", null, owner, now);
                var members = readyAssets.Where(_ => random.NextDouble() < 0.25).Select(a => SeedAccess.ToAdd(a, now)).ToList();
                collection.AddAssets(SeedAccess.Actor(owner), members, now);
                db.Collections.Add(collection);
                collections.Add(collection);
                world.Entries[collection.Id] = [.. members.Select(m => m.Id)];
            }

            for (var i = 0; i < CollectionGrants; i++)
            {
                var collection = collections[random.Next(collections.Count)];
                var grantee = PickGrantee(random, world);
                if ((grantee.PersonId is { } p && p == collection.OwnerId) || collection.HasLiveGrant(grantee, now))
                {
                    continue;
                }

                var actor = SeedAccess.Actor(collection.OwnerId);
                var grant = collection.ShareWith(actor, grantee, PickRole(random), random.NextDouble() < 0.7, Expiry(random, now), now);
                var fate = Fate(random);
                if (fate == GrantFate.Revoked)
                {
                    collection.RevokeGrant(actor, grant.Id, now);
                }

                world.Grants.Add(new WorldGrant(grant.Id, world.Entries[collection.Id], grantee, grant.Role, grant.AllowDownload, fate == GrantFate.Active, Inherited: true)
                {
                    Expired = fate == GrantFate.Expired,
                });
            }

            await db.SaveChangesAsync();

            // Time passes for the grants picked to expire; some ready assets turn out not to match their digest.
            foreach (var grant in world.Grants.Where(g => g.Expired))
            {
                var past = now.AddMinutes(-1);
                if (grant.Inherited)
                {
                    await db.Set<CollectionGrant>().Where(x => x.Id == grant.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ExpiresAt, past));
                }
                else
                {
                    await db.Grants.Where(x => x.Id == grant.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ExpiresAt, past));
                }
            }

            foreach (var asset in readyAssets.Where(_ => random.NextDouble() < 0.1))
            {
                await db.Assets.Where(a => a.Id == asset.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Integrity, AssetIntegrity.Mismatch));
            }

            foreach (var asset in await db.Assets.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync())
            {
                world.Facts[asset.Id] = asset.AccessFacts;
            }

            return 0;
        });

        return world;
    }

    private static Grantee PickGrantee(Random random, World world) =>
        random.NextDouble() < 0.6
            ? Grantee.OfPerson(world.People[random.Next(world.People.Count)])
            : Grantee.OfGroup(world.Groups.Keys.ElementAt(random.Next(world.Groups.Count)));

    private static AccessRole PickRole(Random random) => (AccessRole)random.Next(1, 4);

    // Every grant is made live (future or no expiry); the expired ones are moved into the past once saved.
    private static DateTimeOffset? Expiry(Random random, DateTimeOffset now) => random.NextDouble() < 0.5 ? null : now.AddDays(1);

    private static GrantFate Fate(Random random) => random.NextDouble() switch
    {
        < 0.15 => GrantFate.Revoked,
        < 0.3 => GrantFate.Expired,
        _ => GrantFate.Active,
    };

    private enum GrantFate
    {
        Active,
        Expired,
        Revoked,
    }

    /// <summary>A grant as built: on one asset, or on a collection (then on each of its assets, inherited).</summary>
    private sealed record WorldGrant(GrantId Id, IReadOnlyList<AssetId> Assets, Grantee Grantee, AccessRole Role, bool AllowDownload, bool Active, bool Inherited = false)
    {
        public bool Expired { get; init; }
    }

    private sealed class World(List<UserId> people, List<Asset> assets)
    {
        public List<UserId> People { get; } = people;

        public List<Asset> Assets { get; } = assets;

        public Dictionary<GroupId, HashSet<UserId>> Groups { get; } = [];

        public Dictionary<CollectionId, IReadOnlyList<AssetId>> Entries { get; } = [];

        public List<WorldGrant> Grants { get; } = [];

        public Dictionary<AssetId, AssetAccessFacts> Facts { get; } = [];

        /// <summary>The contract's rule restated: the strongest active path, and whether any of them allows download.</summary>
        public (AccessRole? Role, bool CanDownload) Expected(UserId person, AssetId assetId)
        {
            var facts = Facts[assetId];
            var ready = facts.Status == AssetStatus.Ready && facts.Integrity != AssetIntegrity.Mismatch;
            if (facts.OwnerId == person)
            {
                return (AccessRole.Owner, ready);
            }

            if (!ready)
            {
                return (null, false);
            }

            var paths = Grants
                .Where(g => g.Active && g.Assets.Contains(assetId) && (!g.Inherited || facts.InheritsAccess))
                .Where(g => g.Grantee.PersonId == person || (g.Grantee.GroupId is { } group && Groups[group].Contains(person)))
                .ToList();
            return paths.Count == 0 ? (null, false) : (paths.Max(p => p.Role), paths.Any(p => p.AllowDownload));
        }
    }
}
