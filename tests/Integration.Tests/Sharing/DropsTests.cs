using System.Globalization;
using System.Net;
using System.Text.Json;
using MediaVault.Application.Assets.PurgeAbandonedUploads;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Sharing;
using MediaVault.Domain.Users;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static MediaVault.Integration.Tests.Support.SeedSharing;

namespace MediaVault.Integration.Tests.Sharing;

/// <summary>
/// Upload drops (ADR-078): anonymous uploads into a collection through its upload link, with real bytes sent to the
/// presigned URLs, on PostgreSQL with the S3 test server and on SQLite with the embedded store.
/// </summary>
[TestFixture(DatabaseProvider.Postgres, StorageProvider.S3)]
[TestFixture(DatabaseProvider.Sqlite, StorageProvider.FileSystem)]
public sealed class DropsTests(DatabaseProvider provider, StorageProvider storage) : StoreFixture(provider, storage)
{
    private const int FiveMiB = 5 * 1024 * 1024;

    [Test]
    public async Task Drop_WithSinglePut_LandsAReadyAssetOfTheOwnerInTheCollectionOnTheOwnersQuota()
    {
        var owner = await Api.OwnerAsync();
        var link = await Api.CollectionLinkAsync(owner);
        using var anonymous = Api.CreateClient();
        var bytes = Uploads.RandomBytes(200_000);

        var startResponse = await anonymous.StartDropAsync(link.Token, "Class photo.jpg", "image/jpeg", bytes.Length);
        var started = await startResponse.ShouldBeJsonAsync(HttpStatusCode.Created);
        started.EnumerateObject().Select(p => p.Name).ShouldBe(["uploadId", "upload"], ignoreOrder: true);
        var uploadId = started.GetProperty("uploadId").GetString()!;
        uploadId.Length.ShouldBe(43);
        started.GetProperty("upload").GetProperty("method").GetString().ShouldBe("PUT");
        (await Api.OwnerStateAsync(owner)).StorageReservedBytes.ShouldBe(bytes.Length);
        using (var put = await Store.PutAsync(started.GetProperty("upload"), bytes))
        {
            put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        }

        var completeResponse = await anonymous.CompleteDropAsync(link.Token, uploadId);
        var completed = await completeResponse.ShouldBeJsonAsync();

        completed.EnumerateObject().Select(p => p.Name).ShouldBe(["uploadId", "status"], ignoreOrder: true);
        completed.GetProperty("uploadId").GetString().ShouldBe(uploadId);
        completed.GetProperty("status").GetString().ShouldBe("ready");
        var asset = await DroppedAssetAsync(link);
        asset.OwnerId.ShouldBe(owner);
        asset.Status.ShouldBe(AssetStatus.Ready);
        asset.Title.ShouldBe("Class photo.jpg");
        var holder = await Api.OwnerStateAsync(owner);
        holder.StorageUsedBytes.ShouldBe(bytes.Length);
        holder.StorageReservedBytes.ShouldBe(0);
        (await Api.WithDbAsync(db => db.Collections.Where(c => c.Id == link.CollectionId).SelectMany(c => c.Entries).Select(e => e.AssetId).ToListAsync()))
            .ShouldBe([asset.Id]);
        (await Api.WithDbAsync(db => db.Jobs.AnyAsync(j => j.DedupeKey == asset.Id.Value.ToString()))).ShouldBeTrue();
        (await Api.LinkAsync(link.LinkId)).UploadCount.ShouldBe(1);
        var (sha256, length, _) = await Store.DownloadAsync(await DownloadUrlAsync(owner, asset.Id));
        (sha256, length).ShouldBe((Uploads.Sha256Of(bytes), bytes.Length));
        var body = await startResponse.Content.ReadAsStringAsync() + await completeResponse.Content.ReadAsStringAsync();
        body.ShouldNotContain(asset.Id.Value.ToString());
        body.ShouldNotContain(link.CollectionId.Value.ToString());
        body.ShouldNotContain(owner.Value.ToString());
    }

    [Test]
    public async Task Drop_WhenCompleted_IsRecordedAsCreatedByNobodyThroughTheLinkAndUploadedWithTheTruncatedClient()
    {
        // A real server, for a real peer address.
        await using var api = await MediaVaultApi.StartAsync(Provider, Storage, Settings(), kestrel: true);
        using var store = api.StoreClient(Storage);
        var owner = await api.OwnerAsync();
        var link = await api.CollectionLinkAsync(owner);
        using var anonymous = api.CreateClient();

        var started = await (await anonymous.StartDropAsync(link.Token, "a.jpg", "image/jpeg", 1000)).ShouldBeJsonAsync(HttpStatusCode.Created);
        var upload = started.GetProperty("upload");
        // The embedded store's URLs name App__PublicBaseUrl; this server listens elsewhere.
        var url = Storage == StorageProvider.FileSystem ? new Uri(anonymous.BaseAddress!, new Uri(upload.GetProperty("url").GetString()!).PathAndQuery) : null;
        using (var put = await store.PutAsync(upload, Uploads.RandomBytes(1000), urlOverride: url))
        {
            put.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await anonymous.CompleteDropAsync(link.Token, started.GetProperty("uploadId").GetString()!)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var asset = await api.WithDbAsync(db => db.Assets.AsNoTracking().SingleAsync(a => a.DropLinkId == link.LinkId));
        var activity = await api.ActivityAsync(asset.Id);
        var created = activity.Single(e => e.Action == "asset.created");
        created.ActorId.ShouldBeNull();
        JsonDocument.Parse(created.Details).RootElement.GetProperty("linkId").GetGuid().ShouldBe(link.LinkId.Value);
        var uploaded = activity.Single(e => e.Action == "link.uploaded");
        uploaded.ActorId.ShouldBeNull();
        uploaded.CollectionId.ShouldBe(link.CollectionId);
        var details = JsonDocument.Parse(uploaded.Details).RootElement;
        details.GetProperty("linkId").GetGuid().ShouldBe(link.LinkId.Value);
        details.GetProperty("client").GetString().ShouldBe("127.0.0.0/24");
        details.GetProperty("uploadCount").GetInt32().ShouldBe(1);
        using var ownerClient = api.ClientFor(owner.Value);
        var collectionActivity = await (await ownerClient.GetAsync(Url($"/api/v1/collections/{link.CollectionId}/activity"))).ShouldBeJsonAsync();
        collectionActivity.GetProperty("items").EnumerateArray().ShouldContain(e => e.GetProperty("action").GetString() == "link.uploaded");
    }

    [Test]
    public async Task Drop_WhenCompleted_IsSeenByTheCollectionsGranteesThroughTheOneRule()
    {
        var owner = await Api.OwnerAsync();
        var viewer = await Api.OwnerAsync();
        var (collection, _) = await Api.CollectionAsync(owner, [], Grantee.OfPerson(viewer), AccessRole.Viewer);
        var link = await Api.CollectionLinkAsync(owner, into: collection.Id);
        using var anonymous = Api.CreateClient();

        await anonymous.DropAsync(Store, link.Token, Uploads.RandomBytes(1000));

        var asset = await DroppedAssetAsync(link);
        using var viewerClient = Api.ClientFor(viewer.Value);
        var seen = await (await viewerClient.GetAsync(Url($"/api/v1/assets/{asset.Id}"))).ShouldBeJsonAsync();
        seen.GetProperty("access").GetProperty("role").GetString().ShouldBe("viewer");
        var listed = await (await viewerClient.GetAsync(Url($"/api/v1/collections/{collection.Id}/assets"))).ShouldBeJsonAsync();
        listed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldBe([asset.Id.Value]);
    }

    [Test]
    public async Task Drop_WithMultipartUpload_CompletesWithItsParts()
    {
        var owner = await Api.OwnerAsync();
        var link = await Api.CollectionLinkAsync(owner);
        using var anonymous = Api.CreateClient();
        var (file, sha256) = await Uploads.DeterministicFileAsync(9L * 1024 * 1024);
        try
        {
            var started = await (await anonymous.StartDropAsync(link.Token, "clip.mp4", "video/mp4", new FileInfo(file).Length)).ShouldBeJsonAsync(HttpStatusCode.Created);
            var upload = started.GetProperty("upload");
            upload.GetProperty("method").GetString().ShouldBe("MULTIPART");
            upload.GetProperty("parts").GetArrayLength().ShouldBe(2);
            var parts = await Store.PutPartsAsync(upload, file);
            var uploadId = started.GetProperty("uploadId").GetString()!;

            (await anonymous.CompleteDropAsync(link.Token, uploadId)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var completed = await (await anonymous.CompleteDropAsync(link.Token, uploadId, parts)).ShouldBeJsonAsync();

            completed.GetProperty("status").GetString().ShouldBe("ready");
            var asset = await DroppedAssetAsync(link);
            asset.Status.ShouldBe(AssetStatus.Ready);
            var (downloaded, length, _) = await Store.DownloadAsync(await DownloadUrlAsync(owner, asset.Id));
            (downloaded, length).ShouldBe((sha256, 9L * 1024 * 1024));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Start_WhenTheFileDoesNotFitTheOwnersQuota_Is409QuotaExceededAndReservesNothing()
    {
        var owner = await Api.OwnerWithQuotaAsync(10_000);
        var link = await Api.CollectionLinkAsync(owner);
        using var anonymous = Api.CreateClient();

        var problem = await (await anonymous.StartDropAsync(link.Token, "big.jpg", "image/jpeg", 20_000)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        problem.GetProperty("type").GetString()!.ShouldEndWith("quota-exceeded");
        problem.ToString().ShouldNotContain(owner.Value.ToString());
        (await Api.OwnerStateAsync(owner)).StorageReservedBytes.ShouldBe(0);
        (await Api.WithDbAsync(db => db.Assets.AnyAsync(a => a.DropLinkId == link.LinkId))).ShouldBeFalse();
    }

    [TestCase("", "image/jpeg", 1000L, "fileName")]
    [TestCase("a/b.jpg", "image/jpeg", 1000L, "fileName")]
    [TestCase("a.pdf", "application/pdf", 1000L, "contentType")]
    [TestCase("a.jpg", "image/jpeg", 0L, "sizeBytes")]
    [TestCase("a.jpg", "image/jpeg", 64L * 1024 * 1024 * 1024, "sizeBytes")]
    public async Task Start_WithAnInvalidDeclaration_Is400NamingTheField(string fileName, string contentType, long sizeBytes, string field)
    {
        var owner = await Api.OwnerAsync();
        var link = await Api.CollectionLinkAsync(owner);
        using var anonymous = Api.CreateClient();

        var problem = await (await anonymous.StartDropAsync(link.Token, fileName, contentType, sizeBytes)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
        (await Api.OwnerStateAsync(owner)).StorageReservedBytes.ShouldBe(0);
    }

    [TestCase(LinkKind.View)]
    [TestCase(LinkKind.Asset)]
    public async Task Start_ThroughALinkThatIsNotAnUploadLink_Is404(LinkKind kind)
    {
        var owner = await Api.OwnerAsync();
        string token;
        if (kind == LinkKind.Asset)
        {
            var asset = await Api.AssetAsync(owner);
            using var ownerClient = Api.ClientFor(owner.Value);
            token = (await ownerClient.CreateLinkAsync(asset.Id)).GetProperty("token").GetString()!;
        }
        else
        {
            token = (await Api.CollectionLinkAsync(owner, kind)).Token;
        }

        using var anonymous = Api.CreateClient();

        await (await anonymous.StartDropAsync(token, "a.jpg", "image/jpeg", 1000)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await Api.OwnerStateAsync(owner)).StorageReservedBytes.ShouldBe(0);
    }

    [Test]
    public async Task Complete_ThroughAnotherUploadLinkOfTheSameOwner_Is404AndTheUploadStaysPending()
    {
        var owner = await Api.OwnerAsync();
        var link = await Api.CollectionLinkAsync(owner);
        var other = await Api.CollectionLinkAsync(owner);
        using var anonymous = Api.CreateClient();
        var uploadId = await anonymous.StartAndPutAsync(Store, link.Token, Uploads.RandomBytes(1000));

        await (await anonymous.CompleteDropAsync(other.Token, uploadId)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await DroppedAssetAsync(link)).Status.ShouldBe(AssetStatus.Pending);
        (await Api.LinkAsync(other.LinkId)).UploadCount.ShouldBe(0);
        (await anonymous.CompleteDropAsync(link.Token, uploadId)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [TestCase("guessed")]
    [TestCase("malformed")]
    public async Task Complete_WithAnUploadIdThisLinkNeverGave_Is404(string kind)
    {
        var owner = await Api.OwnerAsync();
        var link = await Api.CollectionLinkAsync(owner);
        using var anonymous = Api.CreateClient();
        await anonymous.StartAndPutAsync(Store, link.Token, Uploads.RandomBytes(1000));
        var uploadId = kind == "guessed" ? Application.Sharing.LinkTokens.New() : "not-an-upload-id";

        await (await anonymous.CompleteDropAsync(link.Token, uploadId)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await DroppedAssetAsync(link)).Status.ShouldBe(AssetStatus.Pending);
    }

    [Test]
    public async Task Complete_Twice_SecondIs404AndCountsOnce()
    {
        var owner = await Api.OwnerAsync();
        var link = await Api.CollectionLinkAsync(owner);
        using var anonymous = Api.CreateClient();
        var uploadId = await anonymous.StartAndPutAsync(Store, link.Token, Uploads.RandomBytes(1000));
        (await anonymous.CompleteDropAsync(link.Token, uploadId)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await (await anonymous.CompleteDropAsync(link.Token, uploadId)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await Api.LinkAsync(link.LinkId)).UploadCount.ShouldBe(1);
        (await Api.OwnerStateAsync(owner)).StorageUsedBytes.ShouldBe(1000);
    }

    [Test]
    public async Task Complete_BeforeTheBytesArrive_Is409AndTheDropCanBeCompletedOnceThey()
    {
        var owner = await Api.OwnerAsync();
        var link = await Api.CollectionLinkAsync(owner);
        using var anonymous = Api.CreateClient();
        var bytes = Uploads.RandomBytes(1000);
        var started = await (await anonymous.StartDropAsync(link.Token, "a.jpg", "image/jpeg", bytes.Length)).ShouldBeJsonAsync(HttpStatusCode.Created);
        var uploadId = started.GetProperty("uploadId").GetString()!;

        await (await anonymous.CompleteDropAsync(link.Token, uploadId)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await Api.LinkAsync(link.LinkId)).UploadCount.ShouldBe(0);
        using (var put = await Store.PutAsync(started.GetProperty("upload"), bytes))
        {
            put.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await anonymous.CompleteDropAsync(link.Token, uploadId)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Complete_WhenTwoUploadsRaceForTheLastSlot_ExactlyOneWinsAndTheLinkIsUsedUp()
    {
        var owner = await Api.OwnerAsync();
        var link = await Api.CollectionLinkAsync(owner, maxUploads: 1);
        using var anonymous = Api.CreateClient();
        var first = await anonymous.StartAndPutAsync(Store, link.Token, Uploads.RandomBytes(1000), "first.jpg");
        var second = await anonymous.StartAndPutAsync(Store, link.Token, Uploads.RandomBytes(1000), "second.jpg");

        var responses = await Task.WhenAll(anonymous.CompleteDropAsync(link.Token, first), anonymous.CompleteDropAsync(link.Token, second));

        responses.Select(r => r.StatusCode).OrderBy(s => s).ShouldBe([HttpStatusCode.OK, HttpStatusCode.NotFound]);
        (await Api.LinkAsync(link.LinkId)).UploadCount.ShouldBe(1);
        var dropped = await Api.WithDbAsync(db => db.Assets.AsNoTracking().Where(a => a.DropLinkId == link.LinkId).ToListAsync());
        dropped.Select(a => a.Status).OrderBy(s => s).ShouldBe([AssetStatus.Pending, AssetStatus.Ready]);
        (await Api.WithDbAsync(db => db.Collections.Where(c => c.Id == link.CollectionId).SelectMany(c => c.Entries).Select(e => e.AssetId).ToListAsync()))
            .ShouldBe([dropped.Single(a => a.Status == AssetStatus.Ready).Id]);
        var holder = await Api.OwnerStateAsync(owner);
        (holder.StorageUsedBytes, holder.StorageReservedBytes).ShouldBe((1000L, 1000L));
        await (await anonymous.StartDropAsync(link.Token, "third.jpg", "image/jpeg", 1000)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.CompleteDropAsync(link.Token, responses[0].StatusCode == HttpStatusCode.OK ? second : first)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [TestCase("revoked")]
    [TestCase("expired")]
    [TestCase("collection deleted")]
    public async Task Complete_WhenTheLinkStoppedWorkingMidUpload_Is404AndNothingLands(string what)
    {
        var owner = await Api.OwnerAsync();
        var link = await Api.CollectionLinkAsync(owner);
        using var anonymous = Api.CreateClient();
        var uploadId = await anonymous.StartAndPutAsync(Store, link.Token, Uploads.RandomBytes(1000));
        var assetId = (await DroppedAssetAsync(link)).Id;
        using var ownerClient = Api.ClientFor(owner.Value);
        switch (what)
        {
            case "revoked":
                await RevokeAsync(link);
                break;
            case "expired":
                await Api.ExpireLinkAsync(link.LinkId);
                break;
            default:
                (await ownerClient.DeleteAsync(Url($"/api/v1/collections/{link.CollectionId}"))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
                break;
        }

        await (await anonymous.CompleteDropAsync(link.Token, uploadId)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await Api.WithDbAsync(db => db.Assets.AsNoTracking().SingleAsync(a => a.Id == assetId))).Status.ShouldBe(AssetStatus.Pending);
        (await Api.WithDbAsync(db => db.Collections.SelectMany(c => c.Entries).AnyAsync(e => e.AssetId == assetId))).ShouldBeFalse();
        (await Api.OwnerStateAsync(owner)).StorageUsedBytes.ShouldBe(0);
        (await Api.WithDbAsync(db => db.Activity.AnyAsync(e => e.Action == "link.uploaded" && e.AssetId == assetId))).ShouldBeFalse();
    }

    [Test]
    public async Task AbandonedDrop_IsSweptLikeAnyAbandonedUpload()
    {
        var owner = await Api.OwnerAsync();
        var link = await Api.CollectionLinkAsync(owner);
        using var anonymous = Api.CreateClient();
        var uploadId = await anonymous.StartAndPutAsync(Store, link.Token, Uploads.RandomBytes(1000));
        var asset = await DroppedAssetAsync(link);
        var stagingKey = await Api.StagingKeyAsync(asset.Id.Value);
        await Api.WithDbAsync(db => db.Assets.Where(a => a.Id == asset.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.UploadExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));

        await using (var scope = Api.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<PurgeAbandonedUploadsHandler>().HandleAsync(new PurgeAbandonedUploadsCommand(), CancellationToken.None))
                .IsSuccess.ShouldBeTrue();
        }

        (await Api.WithDbAsync(db => db.Assets.AnyAsync(a => a.Id == asset.Id))).ShouldBeFalse();
        (await Api.OwnerStateAsync(owner)).StorageReservedBytes.ShouldBe(0);
        (await Api.StoredObjectAsync(stagingKey)).ShouldBeNull();
        await (await anonymous.CompleteDropAsync(link.Token, uploadId)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await Api.LinkAsync(link.LinkId)).UploadCount.ShouldBe(0);
    }

    [Test]
    public async Task Drop_ThroughALinkWithAPassword_NeedsItInTheBodyOfBothCalls()
    {
        var owner = await Api.OwnerAsync();
        var link = await Api.CollectionLinkAsync(owner, password: "open sesame");
        using var anonymous = Api.CreateClient();

        await (await anonymous.StartDropAsync(link.Token, "a.jpg", "image/jpeg", 1000)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.StartDropAsync(link.Token, "a.jpg", "image/jpeg", 1000, "wrong one")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var uploadId = await anonymous.StartAndPutAsync(Store, link.Token, Uploads.RandomBytes(1000), password: "open sesame");
        await (await anonymous.CompleteDropAsync(link.Token, uploadId)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await anonymous.CompleteDropAsync(link.Token, uploadId, password: "open sesame")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Api.OwnerStateAsync(owner)).StorageReservedBytes.ShouldBe(0);
    }

    [Test]
    public async Task Start_AfterTenWrongPasswords_Is429WithRetryAfterEvenWithTheRightOne()
    {
        var owner = await Api.OwnerAsync();
        var link = await Api.CollectionLinkAsync(owner, password: "open sesame");
        using var anonymous = Api.CreateClient();
        for (var i = 0; i < ShareLink.MaxPasswordFailures; i++)
        {
            (await anonymous.StartDropAsync(link.Token, "a.jpg", "image/jpeg", 1000, "wrong one")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var response = await anonymous.StartDropAsync(link.Token, "a.jpg", "image/jpeg", 1000, "open sesame");

        await response.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        int.Parse(response.Headers.RetryAfter!.ToString(), CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
    }

    protected override IDictionary<string, string?>? Settings() => new Dictionary<string, string?>
    {
        ["Assets:MultipartThresholdBytes"] = (8 * 1024 * 1024).ToString(CultureInfo.InvariantCulture),
        ["Assets:MultipartPartSizeBytes"] = FiveMiB.ToString(CultureInfo.InvariantCulture),
        ["Assets:UploadGraceSeconds"] = "0",
        ["RateLimiting:PublicLinkPermitsPerMinute"] = "100000",
    };

    private Task<Asset> DroppedAssetAsync(UploadLink link) =>
        Api.WithDbAsync(db => db.Assets.AsNoTracking().SingleAsync(a => a.DropLinkId == link.LinkId));

    private async Task<Uri> DownloadUrlAsync(UserId owner, AssetId assetId)
    {
        using var client = Api.ClientFor(owner.Value);
        var download = await (await client.GetAsync(Url($"/api/v1/assets/{assetId}/download"))).ShouldBeJsonAsync();
        return new Uri(download.GetProperty("url").GetString()!);
    }

    private Task<int> RevokeAsync(UploadLink link) => Api.WithDbAsync(async db =>
    {
        var now = DateTimeOffset.UtcNow;
        var collection = await db.Collections.SingleAsync(c => c.Id == link.CollectionId);
        var tracked = await db.Links.SingleAsync(l => l.Id == link.LinkId);
        tracked.Revoke(collection, new Memberships(collection.OwnerId, new HashSet<Domain.Groups.GroupId>()), now);
        return await db.SaveChangesAsync();
    });
}
