using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Trash;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Users;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static MediaVault.Integration.Tests.Support.SeedSharing;

namespace MediaVault.Integration.Tests.Assets;

/// <summary>
/// The trash over HTTP, on both databases: DELETE /assets/{id} hides the asset from everyone at once, GET /trash lists
/// it, POST /trash/{id}/restore brings every path back, DELETE /trash/{id} and the retention's asset.purge job remove
/// row and objects and release the quota, and a purge whose store fails is retried until it is done.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class TrashTests(DatabaseProvider provider)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private MediaVaultApi _api = null!;
    private HttpClient _store = null!;
    private FailingDeletes _faults = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await MediaVaultApi.StartAsync(provider, overrides: FastJobs(), services: services =>
        {
            // The real store behind a switch that makes every delete fail, as a store outage would.
            var real = services.Single(d => d.ServiceType == typeof(IObjectStorage));
            services.Remove(real);
            services.AddSingleton(sp => FailingDeletes.Around((IObjectStorage)real.ImplementationFactory!(sp)));
            services.AddSingleton(sp => (IObjectStorage)sp.GetRequiredService<FailingDeletes>());
        });
        _store = _api.StoreClient(StorageProvider.FileSystem);
        _faults = _api.Services.GetRequiredService<FailingDeletes>();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _store.Dispose();
        await _api.DisposeAsync();
    }

    [SetUp]
    public void HealStore() => _faults.Failing = false;

    [Test]
    public async Task Delete_ByOwner_HidesTheAssetAtOnceFromOwnerGranteeListsAndLinksButKeepsItsBytesUsed()
    {
        var (owner, grantee, asset, token) = await SharedAssetAsync();
        using var ownerClient = _api.ClientFor(owner.Value);
        using var granteeClient = _api.ClientFor(grantee.Value);
        using var anonymous = _api.CreateClient();

        (await ownerClient.DeleteAsync(AssetUrl(asset))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        foreach (var client in new[] { ownerClient, granteeClient })
        {
            await (await client.GetAsync(AssetUrl(asset))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await client.GetAsync(Url($"/api/v1/assets/{asset}/download"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await client.GetAsync(Url($"/api/v1/assets/{asset}/grants"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await client.PatchAsJsonAsync(AssetUrl(asset), new { title = "x" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            (await ListedIdsAsync(client, "/api/v1/assets")).ShouldNotContain(asset.Value);
        }

        await (await ownerClient.DeleteAsync(AssetUrl(asset))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync(PublicUrl(token, ""))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.PostAsync(PublicUrl(token, "/download"), null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await _api.OwnerStateAsync(owner)).StorageUsedBytes.ShouldBe(1234);
        (await _api.ActivityAsync(asset)).Last().Action.ShouldBe("asset.deleted");
    }

    [Test]
    public async Task Restore_ByOwner_Is200AndBringsBackTheAssetItsGrantAndItsLink()
    {
        var (owner, grantee, asset, token) = await SharedAssetAsync();
        using var ownerClient = _api.ClientFor(owner.Value);
        using var granteeClient = _api.ClientFor(grantee.Value);
        using var anonymous = _api.CreateClient();
        (await ownerClient.DeleteAsync(AssetUrl(asset))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var restored = await (await ownerClient.PostAsync(RestoreUrl(asset), null)).ShouldBeJsonAsync();

        restored.GetProperty("id").GetGuid().ShouldBe(asset.Value);
        restored.GetProperty("status").GetString().ShouldBe("ready");
        restored.GetProperty("access").GetProperty("role").GetString().ShouldBe("owner");
        (await granteeClient.GetAsync(AssetUrl(asset))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ListedIdsAsync(granteeClient, "/api/v1/assets?scope=shared")).ShouldContain(asset.Value);
        (await ListedIdsAsync(ownerClient, "/api/v1/assets")).ShouldContain(asset.Value);
        (await anonymous.GetAsync(PublicUrl(token, ""))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ListedIdsAsync(ownerClient, "/api/v1/trash")).ShouldNotContain(asset.Value);
        // The restore is recorded after the deletion; the link's page, seen again, after the restore.
        (await _api.ActivityAsync(asset)).Select(e => e.Action).SkipWhile(a => a != "asset.deleted").ShouldBe(["asset.deleted", "asset.restored", "link.viewed"]);
    }

    [Test]
    public async Task List_ShowsOnlyTheCallersTrashNewestDeletionFirstWithDeletedAtAndPurgeAt()
    {
        var owner = await _api.OwnerAsync();
        var other = await _api.OwnerAsync();
        using var client = _api.ClientFor(owner.Value);
        using var otherClient = _api.ClientFor(other.Value);
        var kept = await _api.AssetAsync(owner);
        var trashed = new List<AssetId>();
        for (var i = 0; i < 3; i++)
        {
            var asset = await _api.AssetAsync(owner, title: $"trashed {i}");
            (await client.DeleteAsync(AssetUrl(asset.Id))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
            trashed.Add(asset.Id);
        }

        var othersAsset = await _api.AssetAsync(other);
        (await otherClient.DeleteAsync(AssetUrl(othersAsset.Id))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var first = await (await client.GetAsync(Url("/api/v1/trash?limit=2"))).ShouldBeJsonAsync();
        var second = await (await client.GetAsync(Url($"/api/v1/trash?limit=2&cursor={first.GetProperty("nextCursor").GetString()}"))).ShouldBeJsonAsync();

        var items = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).ToList();
        items.Select(i => i.GetProperty("id").GetGuid()).ShouldBe([trashed[2].Value, trashed[1].Value, trashed[0].Value]);
        second.GetProperty("nextCursor").ValueKind.ShouldBe(JsonValueKind.Null);
        var newest = items[0];
        newest.GetProperty("title").GetString().ShouldBe("trashed 2");
        var deletedAt = newest.GetProperty("deletedAt").GetDateTimeOffset();
        deletedAt.ShouldBe(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        newest.GetProperty("purgeAt").GetDateTimeOffset().ShouldBe(deletedAt.AddDays(30), TimeSpan.FromSeconds(1));
        items.ShouldNotContain(i => i.GetProperty("id").GetGuid() == kept.Id.Value);
        await (await client.GetAsync(Url("/api/v1/trash?limit=0"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync(Url("/api/v1/trash?cursor=not-ours"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [TestCase(AccessRole.Manager)]
    [TestCase(AccessRole.Viewer)]
    public async Task RestoreOrPurge_ByGrantee_Is404AndTheAssetStaysInTheTrash(AccessRole role)
    {
        var owner = await _api.OwnerAsync();
        var grantee = await _api.OwnerAsync();
        var asset = await _api.AssetAsync(owner);
        await _api.ShareAsync(asset.Id, grantee, role);
        using var ownerClient = _api.ClientFor(owner.Value);
        using var granteeClient = _api.ClientFor(grantee.Value);
        (await ownerClient.DeleteAsync(AssetUrl(asset.Id))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await granteeClient.PostAsync(RestoreUrl(asset.Id), null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await granteeClient.DeleteAsync(TrashUrl(asset.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await ListedIdsAsync(granteeClient, "/api/v1/trash")).ShouldBeEmpty();

        (await ListedIdsAsync(ownerClient, "/api/v1/trash")).ShouldContain(asset.Id.Value);
    }

    [Test]
    public async Task RestoreOrPurge_OfAnAssetNotInTheTrash_Is404()
    {
        var owner = await _api.OwnerAsync();
        var asset = await _api.AssetAsync(owner);
        using var client = _api.ClientFor(owner.Value);

        await (await client.PostAsync(RestoreUrl(asset.Id), null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.DeleteAsync(TrashUrl(asset.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsync(RestoreUrl(AssetId.New()), null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await client.GetAsync(AssetUrl(asset.Id))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Purge_ByOwner_Is204AndRemovesRowObjectAndGrantsAndReleasesTheQuota()
    {
        var owner = await _api.OwnerAsync();
        var grantee = await _api.OwnerAsync();
        using var client = _api.ClientFor(owner.Value);
        var asset = await UploadAsync(client, 4096);
        await _api.ShareAsync(asset, grantee, AccessRole.Viewer);
        var key = await _api.WithDbAsync(db => db.Assets.Where(a => a.Id == asset).Select(a => a.StorageKey).SingleAsync());
        (await client.DeleteAsync(AssetUrl(asset))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _api.StoredObjectAsync(key)).ShouldNotBeNull();

        (await client.DeleteAsync(TrashUrl(asset))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await _api.WithDbAsync(db => db.Assets.AnyAsync(a => a.Id == asset))).ShouldBeFalse();
        (await _api.StoredObjectAsync(key)).ShouldBeNull();
        (await _api.WithDbAsync(db => db.Grants.CountAsync(g => g.AssetId == asset))).ShouldBe(0);
        (await _api.OwnerStateAsync(owner)).StorageUsedBytes.ShouldBe(0);
        await (await client.PostAsync(RestoreUrl(asset), null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await ListedIdsAsync(client, "/api/v1/trash")).ShouldNotContain(asset.Value);
        var purged = (await _api.ActivityAsync(asset)).Last();
        purged.Action.ShouldBe("asset.purged");
        purged.ActorId.ShouldBe(owner);
    }

    [Test]
    public async Task Purge_WhenTheStoreFails_Is204HidesTheAssetAndIsRetriedUntilDone()
    {
        var owner = await _api.OwnerAsync();
        using var client = _api.ClientFor(owner.Value);
        var asset = await UploadAsync(client, 2048);
        var key = await _api.WithDbAsync(db => db.Assets.Where(a => a.Id == asset).Select(a => a.StorageKey).SingleAsync());
        (await client.DeleteAsync(AssetUrl(asset))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        _faults.Failing = true;

        (await client.DeleteAsync(TrashUrl(asset))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // The request stands: the asset is out of reach while its job waits for the store.
        (await _api.WithDbAsync(db => db.Assets.AnyAsync(a => a.Id == asset))).ShouldBeTrue();
        (await _api.StoredObjectAsync(key)).ShouldNotBeNull();
        (await ListedIdsAsync(client, "/api/v1/trash")).ShouldNotContain(asset.Value);
        await (await client.PostAsync(RestoreUrl(asset), null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await _api.OwnerStateAsync(owner)).StorageUsedBytes.ShouldBe(2048);
        await EventuallyAsync(() => _api.WithDbAsync(db => db.Set<Infrastructure.Jobs.Job>()
            .AnyAsync(j => j.Kind == TrashJobs.PurgeKind && j.Payload.Contains(asset.Value.ToString()) && j.Attempts > 0)));

        _faults.Failing = false;

        await EventuallyAsync(async () => !await _api.WithDbAsync(db => db.Assets.AnyAsync(a => a.Id == asset)));
        (await _api.StoredObjectAsync(key)).ShouldBeNull();
        (await _api.OwnerStateAsync(owner)).StorageUsedBytes.ShouldBe(0);
    }

    [Test]
    public async Task Purge_CrashedAfterItsObjectsWentWithItsJobDead_IsFinishedByTheSweeper()
    {
        var owner = await _api.OwnerAsync();
        using var client = _api.ClientFor(owner.Value);
        var asset = await UploadAsync(client, 1024);
        var key = await _api.WithDbAsync(db => db.Assets.Where(a => a.Id == asset).Select(a => a.StorageKey).SingleAsync());
        (await client.DeleteAsync(AssetUrl(asset))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // What a purge that died between its two steps leaves, once its job has given up: the purge started two hours
        // ago, the object is gone, the row and the used bytes are still there.
        var started = DateTimeOffset.UtcNow.AddHours(-2);
        await _api.WithDbAsync(db => db.Assets.Where(a => a.Id == asset).ExecuteUpdateAsync(s => s.SetProperty(a => a.PurgeAt, started)));
        await _api.Services.GetRequiredService<IObjectStorage>().DeleteAsync(key, CancellationToken.None);
        await _api.WithDbAsync(db => db.Set<Infrastructure.Jobs.Job>()
            .Where(j => j.Kind == TrashJobs.PurgeKind && j.Payload.Contains(asset.Value.ToString()))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, Infrastructure.Jobs.JobStates.Dead)));

        await EventuallyAsync(async () => !await _api.WithDbAsync(db => db.Assets.AnyAsync(a => a.Id == asset)));
        (await _api.OwnerStateAsync(owner)).StorageUsedBytes.ShouldBe(0);
        var purged = (await _api.ActivityAsync(asset)).Last();
        purged.Action.ShouldBe("asset.purged");
        purged.ActorId.ShouldBeNull();
    }

    [Test]
    public async Task Purge_AfterTheRetention_IsDoneByTheJobWithoutAnyRequest()
    {
        // Two seconds of retention.
        var settings = FastJobs();
        settings["Assets:TrashRetentionDays"] = (2.0 / 86_400).ToString(CultureInfo.InvariantCulture);
        await using var api = await MediaVaultApi.StartAsync(provider, overrides: settings);
        var owner = await api.OwnerAsync();
        var asset = await api.AssetAsync(owner);
        using var client = api.ClientFor(owner.Value);

        (await client.DeleteAsync(AssetUrl(asset.Id))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ListedIdsAsync(client, "/api/v1/trash")).ShouldContain(asset.Id.Value);

        await EventuallyAsync(async () => !await api.WithDbAsync(db => db.Assets.AnyAsync(a => a.Id == asset.Id)));
        (await api.OwnerStateAsync(owner)).StorageUsedBytes.ShouldBe(0);
        var purged = (await api.ActivityAsync(asset.Id)).Last();
        purged.Action.ShouldBe("asset.purged");
        purged.ActorId.ShouldBeNull();
    }

    private static Dictionary<string, string?> FastJobs() => new()
    {
        ["RateLimiting:PublicLinkPermitsPerMinute"] = "100000",
        ["Assets:PurgeRetrySeconds"] = "1",
        ["Assets:SweepIntervalSeconds"] = "1",
        ["Jobs:PollIntervalMilliseconds"] = "100",
        ["Jobs:RetryBaseMilliseconds"] = "200",
        ["Jobs:RetryMaxSeconds"] = "1",
        ["Media:Enabled"] = "false",
    };

    /// <summary>A ready asset of a new owner, with a viewer grant to a second person and a public link; returns its token.</summary>
    private async Task<(UserId Owner, UserId Grantee, AssetId Asset, string Token)> SharedAssetAsync()
    {
        var owner = await _api.OwnerAsync();
        var grantee = await _api.OwnerAsync();
        var asset = await _api.AssetAsync(owner);
        await _api.ShareAsync(asset.Id, grantee, AccessRole.Viewer);
        using var client = _api.ClientFor(owner.Value);
        var link = await client.CreateLinkAsync(asset.Id);
        return (owner, grantee, asset.Id, link.GetProperty("token").GetString()!);
    }

    /// <summary>Uploads <paramref name="size"/> random bytes through the API and the store; returns the ready asset.</summary>
    private async Task<AssetId> UploadAsync(HttpClient client, int size)
    {
        var bytes = Uploads.RandomBytes(size);
        var created = await client.RegisterAsync("trash.png", "image/png", bytes.Length);
        using (var put = await _store.PutAsync(created.GetProperty("upload"), bytes))
        {
            put.EnsureSuccessStatusCode();
        }

        var id = created.GetProperty("asset").GetProperty("id").GetGuid();
        (await client.CompleteAsync(id)).StatusCode.ShouldBe(HttpStatusCode.OK);
        return new AssetId(id);
    }

    private static async Task<List<Guid>> ListedIdsAsync(HttpClient client, string path)
    {
        var body = await (await client.GetAsync(Url(path))).ShouldBeJsonAsync();
        return [.. body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (!await condition())
        {
            DateTimeOffset.UtcNow.ShouldBeLessThan(deadline, "the condition did not come true in time");
            await Task.Delay(100);
        }
    }

    private static Uri AssetUrl(AssetId id) => Url($"/api/v1/assets/{id}");

    private static Uri TrashUrl(AssetId id) => Url($"/api/v1/trash/{id}");

    private static Uri RestoreUrl(AssetId id) => Url($"/api/v1/trash/{id}/restore");

    private static Uri PublicUrl(string token, string suffix) => Url($"/api/v1/public/links/{token}{suffix}");
}

/// <summary>An object store whose deletes fail while <see cref="Failing"/> is set; everything else goes to the real store.</summary>

public class FailingDeletes : DispatchProxy

{
    private IObjectStorage _inner = null!;
    private volatile bool _failing;

    public bool Failing
    {
        get => _failing;
        set => _failing = value;
    }

    public static FailingDeletes Around(IObjectStorage inner)
    {
        var proxy = Create<IObjectStorage, FailingDeletes>();
        var faults = (FailingDeletes)(object)proxy;
        faults._inner = inner;
        return faults;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (Failing && targetMethod.Name == nameof(IObjectStorage.DeleteAsync))
        {
            return Task.FromException(new IOException("The store does not answer (test)."));
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
