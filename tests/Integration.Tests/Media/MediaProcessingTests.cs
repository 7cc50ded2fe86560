using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets.ProcessMedia;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using RenditionNames = MediaVault.Domain.Assets.Media.Rendition;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Infrastructure.Jobs;
using MediaVault.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using static MediaVault.Integration.Tests.Support.SeedSharing;

namespace MediaVault.Integration.Tests.Media;

/// <summary>
/// The Media processing section of the contract over HTTP: after complete, the durable media.process job hashes,
/// probes and renders the stored object; the asset shows media, renditions and integrity; renditions are served like
/// downloads; duplicates are found by digest. Real media made at test time (<see cref="TestMedia"/>), on the embedded
/// defaults and on PostgreSQL + S3.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite, StorageProvider.FileSystem)]
[TestFixture(DatabaseProvider.Postgres, StorageProvider.S3)]
public sealed class MediaProcessingTests(DatabaseProvider provider, StorageProvider storage) : StoreFixture(provider, storage)
{
    private static readonly TimeSpan ProcessingTimeout = TimeSpan.FromSeconds(60);

    protected override IDictionary<string, string?>? Settings() => new Dictionary<string, string?> { ["Jobs:PollIntervalMilliseconds"] = "200" };

    [Test]
    public async Task Process_JpegWithExifOrientationAndGps_GivesUprightRenditionsWithoutAnyMetadata()
    {
        var owner = await Api.AccountAsync();
        using var client = Api.ClientFor(owner.Value);
        var jpeg = TestMedia.JpegWithOrientation6AndGps(400, 200);

        var id = await UploadAsync(client, "rotated.jpg", "image/jpeg", jpeg, Uploads.Sha256Of(jpeg));
        var asset = await ProcessedAsync(client, id);

        asset.GetProperty("integrity").GetString().ShouldBe("verified");
        Media(asset).ShouldBe((200, 400, null, "jpeg"));
        Rendition(asset, "thumbnail").ShouldBe(("ready", "image/webp", 128, 256));
        Rendition(asset, "preview").ShouldBe(("ready", "image/webp", 200, 400));
        foreach (var name in new[] { "thumbnail", "preview" })
        {
            var bytes = await RenditionBytesAsync(client, id, name);
            using var bitmap = SKBitmap.Decode(bytes);
            (bitmap.Width, bitmap.Height).ShouldBe(name == "thumbnail" ? (128, 256) : (200, 400));
            IsRed(bitmap.GetPixel(bitmap.Width / 2, bitmap.Height / 8)).ShouldBeTrue($"{name}: the top is red once upright");
            IsBlue(bitmap.GetPixel(bitmap.Width / 2, bitmap.Height * 7 / 8)).ShouldBeTrue($"{name}: the bottom is blue once upright");
            TestMedia.Contains(bytes, "Exif").ShouldBeFalse(name);
            TestMedia.Contains(bytes, TestMedia.GpsMarker).ShouldBeFalse(name);
            TestMedia.WebpChunks(bytes).ShouldAllBe(chunk => chunk == "VP8 " || chunk == "VP8L" || chunk == "VP8X" || chunk == "ALPH", name);
        }
    }

    [Test]
    public async Task Process_PngWithTransparencyAndNoDeclaredDigest_KeepsTransparencyAndFillsTheComputedDigest()
    {
        var owner = await Api.AccountAsync();
        using var client = Api.ClientFor(owner.Value);
        var png = TestMedia.TransparentPng(600, 300);

        var id = await UploadAsync(client, "clear.png", "image/png", png);
        var asset = await ProcessedAsync(client, id);

        asset.GetProperty("sha256").GetString().ShouldBe(Uploads.Sha256Of(png));
        asset.GetProperty("integrity").GetString().ShouldBe("verified");
        Media(asset).ShouldBe((600, 300, null, "png"));
        Rendition(asset, "thumbnail").ShouldBe(("ready", "image/webp", 256, 128));
        Rendition(asset, "preview").ShouldBe(("ready", "image/webp", 600, 300));
        using var thumbnail = SKBitmap.Decode(await RenditionBytesAsync(client, id, "thumbnail"));
        thumbnail.GetPixel(2, 2).Alpha.ShouldBe((byte)0);
        thumbnail.GetPixel(128, 64).Alpha.ShouldBe((byte)255);
    }

    [Test]
    public async Task Process_CorruptJpeg_MarksRenditionsFailedAndTheWorkerProcessesTheNextJob()
    {
        var owner = await Api.AccountAsync();
        using var client = Api.ClientFor(owner.Value);

        var corrupt = await UploadAsync(client, "broken.jpg", "image/jpeg", TestMedia.CorruptJpeg());
        var next = await UploadAsync(client, "fine.png", "image/png", TestMedia.TransparentPng(64, 32));
        var broken = await ProcessedAsync(client, corrupt);
        var fine = await ProcessedAsync(client, next);

        Rendition(broken, "thumbnail").ShouldBe(("failed", null, null, null));
        Rendition(broken, "preview").ShouldBe(("failed", null, null, null));
        broken.GetProperty("media").ValueKind.ShouldBe(JsonValueKind.Null);
        broken.GetProperty("integrity").GetString().ShouldBe("verified");
        Rendition(fine, "thumbnail").ShouldBe(("ready", "image/webp", 64, 32));
        var problem = await (await client.GetAsync(Url($"/api/v1/assets/{corrupt}/renditions/thumbnail"))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrEmpty();
        (await JobNoteAsync(corrupt)).ShouldContain("not a picture");
    }

    // On both configurations: the codec decodes the 108-megapixel JPEG at 1/8 (1,500 × 1,125), so processing takes
    // about a second; the picture itself is drawn once per machine and read back from a temp file (TestMedia).
    [Test]
    public async Task Process_JpegOf12000By9000_GivesRenditionsDownscaledTo256And1280AndTheWorkerTakesTheNextJob()
    {
        var owner = await Api.AccountAsync();
        using var client = Api.ClientFor(owner.Value);
        var jpeg = await TestMedia.HugeJpegAsync();

        var id = await UploadAsync(client, "huge.jpg", "image/jpeg", jpeg, Uploads.Sha256Of(jpeg));
        var next = await UploadAsync(client, "after.png", "image/png", TestMedia.TransparentPng(64, 32));
        var asset = await ProcessedAsync(client, id);

        asset.GetProperty("integrity").GetString().ShouldBe("verified");
        Media(asset).ShouldBe((12_000, 9_000, null, "jpeg"));
        Rendition(asset, "thumbnail").ShouldBe(("ready", "image/webp", 256, 192));
        Rendition(asset, "preview").ShouldBe(("ready", "image/webp", 1280, 960));
        foreach (var name in new[] { "thumbnail", "preview" })
        {
            using var bitmap = SKBitmap.Decode(await RenditionBytesAsync(client, id, name));
            (bitmap.Width, bitmap.Height).ShouldBe(name == "thumbnail" ? (256, 192) : (1280, 960));
            IsRed(bitmap.GetPixel(bitmap.Width / 20, bitmap.Height / 2)).ShouldBeTrue($"{name}: the whole picture, red on the left");
            IsBlue(bitmap.GetPixel(bitmap.Width * 19 / 20, bitmap.Height / 2)).ShouldBeTrue($"{name}: the whole picture, blue on the right");
        }

        Rendition(await ProcessedAsync(client, next), "thumbnail").ShouldBe(("ready", "image/webp", 64, 32));
    }

    [Test]
    public async Task Process_PngDeclaringAGiganticCanvas_IsNotDecodedAndItsRenditionsFail()
    {
        var owner = await Api.AccountAsync();
        using var client = Api.ClientFor(owner.Value);

        var id = await UploadAsync(client, "bomb.png", "image/png", TestMedia.PngDeclaring(30_000, 30_000));
        var asset = await ProcessedAsync(client, id);

        Media(asset).ShouldBe((30_000, 30_000, null, "png"));
        Rendition(asset, "thumbnail").ShouldBe(("failed", null, null, null));
        (await JobNoteAsync(id)).ShouldContain("too large");
    }

    [Test]
    public async Task Process_H264Mp4_IsProbedAndGetsPosterFrameRenditions()
    {
        var owner = await Api.AccountAsync();
        using var client = Api.ClientFor(owner.Value);
        var mp4 = await TestMedia.Mp4Async();

        var id = await UploadAsync(client, "clip.mp4", "video/mp4", mp4);
        var asset = await ProcessedAsync(client, id);

        var (width, height, duration, codec) = Media(asset);
        (width, height, codec).ShouldBe((320, 240, "h264"));
        duration!.Value.ShouldBe(3.0, 0.2);
        Rendition(asset, "thumbnail").ShouldBe(("ready", "image/webp", 256, 192));
        Rendition(asset, "preview").ShouldBe(("ready", "image/webp", 320, 240));
        using var poster = SKBitmap.Decode(await RenditionBytesAsync(client, id, "thumbnail"));
        (poster.Width, poster.Height).ShouldBe((256, 192));
    }

    [Test]
    public async Task Process_Mp3_IsProbedAndHasNoRenditions()
    {
        var owner = await Api.AccountAsync();
        using var client = Api.ClientFor(owner.Value);
        var mp3 = await TestMedia.Mp3Async();

        var id = await UploadAsync(client, "tone.mp3", "audio/mpeg", mp3);
        var asset = await ProcessedAsync(client, id);

        var (width, height, duration, codec) = Media(asset);
        (width, height, codec).ShouldBe((null, null, "mp3"));
        duration!.Value.ShouldBe(3.0, 0.2);
        asset.GetProperty("renditions").GetArrayLength().ShouldBe(0);
        await (await client.GetAsync(Url($"/api/v1/assets/{id}/renditions/thumbnail"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    // The media bench's shape: SHA-256 digests repeated, declared as a video. The job's note is the sniffer's reason,
    // not ffprobe's ("ffprobe could not read the file: ..."): no tool was started.
    [Test]
    public async Task Process_VideoWhoseBytesAreNoMediaFormat_FailsItsRenditionsWithoutStartingFfprobe()
    {
        var owner = await Api.AccountAsync();
        using var client = Api.ClientFor(owner.Value);
        var noise = Enumerable.Range(0, 128).SelectMany(i => SHA256.HashData(BitConverter.GetBytes(i))).ToArray();

        var id = await UploadAsync(client, "noise.mp4", "video/mp4", noise);
        var asset = await ProcessedAsync(client, id);

        asset.GetProperty("integrity").GetString().ShouldBe("verified");
        asset.GetProperty("sha256").GetString().ShouldBe(Uploads.Sha256Of(noise));
        asset.GetProperty("media").ValueKind.ShouldBe(JsonValueKind.Null);
        Rendition(asset, "thumbnail").ShouldBe(("failed", null, null, null));
        Rendition(asset, "preview").ShouldBe(("failed", null, null, null));
        (await JobNoteAsync(id)).ShouldBe("The file is not a video or audio format MediaVault can read.");
    }

    [Test]
    public async Task Process_WhenDeclaredDigestDoesNotMatch_HidesAssetFromGranteesAndRefusesItsBytesToTheOwner()
    {
        var owner = await Api.AccountAsync();
        var viewer = await Api.AccountAsync();
        using var client = Api.ClientFor(owner.Value);
        using var viewerClient = Api.ClientFor(viewer.Value);
        var png = TestMedia.TransparentPng(64, 64);
        var id = await UploadAsync(client, "tampered.png", "image/png", png, new string('0', 64));
        await Api.ShareAsync(new AssetId(id), viewer.Id, AccessRole.Viewer);

        var asset = await ProcessedAsync(client, id);

        asset.GetProperty("integrity").GetString().ShouldBe("mismatch");
        asset.GetProperty("sha256").GetString().ShouldBe(new string('0', 64));
        asset.GetProperty("access").GetProperty("canDownload").GetBoolean().ShouldBeFalse();
        await (await client.GetAsync(Url($"/api/v1/assets/{id}/download"))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await client.GetAsync(Url($"/api/v1/assets/{id}/renditions/thumbnail"))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await viewerClient.GetAsync(Url($"/api/v1/assets/{id}"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await viewerClient.GetAsync(Url($"/api/v1/assets/{id}/renditions/thumbnail"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var shared = await (await viewerClient.GetAsync(Url("/api/v1/assets?scope=shared"))).ShouldBeJsonAsync();
        shared.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ShouldNotContain(id);
        var token = (await client.CreateLinkAsync(new AssetId(id))).GetProperty("token").GetString();
        await (await Api.CreateClient().GetAsync(Url($"/api/v1/public/links/{token}"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var mine = await (await client.GetAsync(Url("/api/v1/assets?scope=owned"))).ShouldBeJsonAsync();
        mine.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == id).GetProperty("integrity").GetString().ShouldBe("mismatch");
    }

    [Test]
    public async Task GetRendition_ByViewOnlyGrantee_Is200WithAUrlThatNeverOutlivesTheGrant()
    {
        var owner = await Api.AccountAsync();
        var viewer = await Api.AccountAsync();
        using var client = Api.ClientFor(owner.Value);
        using var viewerClient = Api.ClientFor(viewer.Value);
        var id = await UploadAsync(client, "shared.png", "image/png", TestMedia.TransparentPng(300, 300));
        await ProcessedAsync(client, id);
        var grantExpiry = DateTimeOffset.UtcNow.AddSeconds(90);
        await Api.ShareAsync(new AssetId(id), viewer.Id, AccessRole.Viewer, grantExpiry);

        var body = await (await viewerClient.GetAsync(Url($"/api/v1/assets/{id}/renditions/preview"))).ShouldBeJsonAsync();

        body.GetProperty("expiresAt").GetDateTimeOffset().ShouldBeLessThanOrEqualTo(grantExpiry);
        using var preview = SKBitmap.Decode(await DownloadBytesAsync(new Uri(body.GetProperty("url").GetString()!)));
        (preview.Width, preview.Height).ShouldBe((300, 300));
        var listed = await (await viewerClient.GetAsync(Url("/api/v1/assets?scope=shared"))).ShouldBeJsonAsync();
        Rendition(listed.GetProperty("items")[0], "preview").ShouldBe(("ready", "image/webp", 300, 300));
        await (await viewerClient.GetAsync(Url($"/api/v1/assets/{id}/renditions/poster"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using var stranger = Api.ClientFor((await Api.AccountAsync()).Value);
        await (await stranger.GetAsync(Url($"/api/v1/assets/{id}/renditions/preview"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task FindDuplicates_ListsTheCallersOwnReadyAssetsWithEachDigest()
    {
        var owner = await Api.AccountAsync();
        var other = await Api.AccountAsync();
        using var client = Api.ClientFor(owner.Value);
        var png = TestMedia.TransparentPng(40, 20);
        var digest = Uploads.Sha256Of(png);
        var first = await UploadAsync(client, "a.png", "image/png", png);
        await ProcessedAsync(client, first);
        var second = await UploadAsync(client, "b.png", "image/png", png, digest.ToUpperInvariant());
        var unknown = new string('e', 64);

        var body = await (await client.PostAsJsonAsync(Url("/api/v1/assets/duplicates"), new { sha256 = new[] { unknown, digest } })).ShouldBeJsonAsync();
        var others = await (await Api.ClientFor(other.Value).PostAsJsonAsync(Url("/api/v1/assets/duplicates"), new { sha256 = new[] { digest } })).ShouldBeJsonAsync();

        var item = body.GetProperty("items").EnumerateArray().Single();
        item.GetProperty("sha256").GetString().ShouldBe(digest);
        item.GetProperty("assetIds").EnumerateArray().Select(e => e.GetGuid()).ShouldBe([first, second]);
        others.GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [TestCase("[]")]
    [TestCase("[\"not-a-digest\"]")]
    [TestCase("null")]
    [TestCase("101")]
    public async Task FindDuplicates_WithoutOneToAHundredValidDigests_Is400NamingSha256(string sha256)
    {
        var owner = await Api.AccountAsync();
        using var client = Api.ClientFor(owner.Value);
        var list = sha256 == "101" ? JsonSerializer.Serialize(Enumerable.Repeat(new string('a', 64), 101)) : sha256;
        using var content = new StringContent($"{{\"sha256\": {list}}}", System.Text.Encoding.UTF8, "application/json");

        var problem = await (await client.PostAsync(Url("/api/v1/assets/duplicates"), content)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("errors").TryGetProperty("sha256", out _).ShouldBeTrue(problem.ToString());
    }

    [Test]
    public async Task PurgeFromTheTrash_OfAProcessedAsset_RemovesItsRenditionsFromTheStore()
    {
        var owner = await Api.AccountAsync();
        using var client = Api.ClientFor(owner.Value);
        var id = await UploadAsync(client, "gone.png", "image/png", TestMedia.TransparentPng(50, 50));
        await ProcessedAsync(client, id);
        (await Api.StoredObjectAsync(RenditionNames.StorageKeyFor(new AssetId(id), RenditionNames.Thumbnail))).ShouldNotBeNull();
        (await client.DeleteAsync(Url($"/api/v1/assets/{id}"))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Api.StoredObjectAsync(RenditionNames.StorageKeyFor(new AssetId(id), RenditionNames.Thumbnail))).ShouldNotBeNull("the trash keeps everything");

        (await client.DeleteAsync(Url($"/api/v1/trash/{id}"))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await Api.StoredObjectAsync(RenditionNames.StorageKeyFor(new AssetId(id), RenditionNames.Thumbnail))).ShouldBeNull();
        (await Api.StoredObjectAsync(RenditionNames.StorageKeyFor(new AssetId(id), RenditionNames.Preview))).ShouldBeNull();
    }

    [Test]
    public async Task Process_WhenThisInstanceHasMediaDisabled_WaitsDurablyUntilAnInstanceThatProcessesStarts()
    {
        var objects = Directory.CreateTempSubdirectory("mediavault-objects-").FullName;
        await using var idle = await MediaVaultApi.StartAsync(Provider, Storage, new Dictionary<string, string?>
        {
            ["Media:Enabled"] = "false",
            ["Storage:FileSystem:Root"] = objects,
            ["Jobs:PollIntervalMilliseconds"] = "200",
        });
        var owner = await idle.AccountAsync();
        using var idleClient = idle.ClientFor(owner.Value);
        using var idleStore = idle.StoreClient(Storage);
        var png = TestMedia.TransparentPng(80, 40);
        var registered = await idleClient.RegisterAsync("later.png", "image/png", png.Length);
        (await idleStore.PutAsync(registered.GetProperty("upload"), png)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var id = registered.GetProperty("asset").GetProperty("id").GetGuid();
        (await idleClient.CompleteAsync(id)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var queue = (await (await idle.CreateClient().GetAsync(Url("/health/ready"))).ShouldBeJsonAsync()).GetProperty("checks").GetProperty("media").GetProperty("data");
        queue.GetProperty("enabled").GetBoolean().ShouldBeFalse();
        queue.GetProperty("waiting").GetInt32().ShouldBe(1);
        await using var worker = await MediaVaultApi.StartSiblingAsync(idle, overrides: new Dictionary<string, string?> { ["Media:Enabled"] = "true" });
        using var workerClient = worker.ClientFor(owner.Value);
        var asset = await ProcessedAsync(workerClient, id);

        Rendition(asset, "thumbnail").ShouldBe(("ready", "image/webp", 80, 40));
        asset.GetProperty("sha256").GetString().ShouldBe(Uploads.Sha256Of(png));
    }

    /// <summary>
    /// A worker process killed mid-job (<c>kill -9</c>) leaves the store and database as this test leaves them: the job
    /// claimed by the real claim statement (running, its attempt counted, a lease held by a worker id that no longer
    /// exists and is never renewed or handed back), the asset's renditions pending, a rendition half written. The
    /// in-process host cannot be killed, so the first host has media processing off (its own worker must not claim the
    /// job first) and the claim is made through its <see cref="JobStore"/> under a dead worker's id; then the host
    /// stops and a new one starts on the same database and store, as after a restart.
    /// </summary>
    [Test]
    public async Task Process_OfAJobWhoseWorkerWasKilled_IsTakenOverWhenItsLeasePassesAndCompletesAfterRestart()
    {
        var objects = Directory.CreateTempSubdirectory("mediavault-objects-").FullName;
        var crashed = await MediaVaultApi.StartAsync(Provider, Storage, new Dictionary<string, string?>
        {
            ["Media:Enabled"] = "false",
            ["Storage:FileSystem:Root"] = objects,
            ["Jobs:PollIntervalMilliseconds"] = "200",
            ["Jobs:LeaseSeconds"] = "2",
        });
        MediaVaultApi? restarted = null;
        try
        {
            var owner = await crashed.AccountAsync();
            using var crashedClient = crashed.ClientFor(owner.Value);
            using var crashedStore = crashed.StoreClient(Storage);
            var png = TestMedia.TransparentPng(120, 60);
            var registered = await crashedClient.RegisterAsync("interrupted.png", "image/png", png.Length);
            (await crashedStore.PutAsync(registered.GetProperty("upload"), png)).StatusCode.ShouldBe(HttpStatusCode.OK);
            var id = registered.GetProperty("asset").GetProperty("id").GetGuid();
            (await crashedClient.CompleteAsync(id)).StatusCode.ShouldBe(HttpStatusCode.OK);
            var claimed = await crashed.Services.GetRequiredService<JobStore>()
                .ClaimAsync(MediaJobs.ProcessKind, 1, "worker-of-a-killed-process", TimeSpan.FromSeconds(2), CancellationToken.None);
            claimed.ShouldHaveSingleItem().Attempts.ShouldBe(1);
            // What the killed worker had begun to write: the start of a thumbnail, and no preview.
            await using (var partial = new MemoryStream("RIFF\0\0\0\0WEBPVP8 "u8.ToArray()))
            {
                await crashed.Services.GetRequiredService<IObjectStorage>().PutAsync(
                    RenditionNames.StorageKeyFor(new AssetId(id), RenditionNames.Thumbnail), partial, "image/webp", CancellationToken.None);
            }

            restarted = await crashed.RestartAsync(new Dictionary<string, string?> { ["Media:Enabled"] = "true" });
            using var client = restarted.ClientFor(owner.Value);
            var asset = await ProcessedAsync(client, id);

            Rendition(asset, "thumbnail").ShouldBe(("ready", "image/webp", 120, 60));
            Rendition(asset, "preview").ShouldBe(("ready", "image/webp", 120, 60));
            asset.GetProperty("integrity").GetString().ShouldBe("verified");
            asset.GetProperty("sha256").GetString().ShouldBe(Uploads.Sha256Of(png));
            // Served by the restarted host, whose embedded store (the same folder) signs and answers its URLs.
            using var store = restarted.StoreClient(Storage);
            var served = await (await client.GetAsync(Url($"/api/v1/assets/{id}/renditions/thumbnail"))).ShouldBeJsonAsync();
            var response = await store.GetAsync(new Uri(served.GetProperty("url").GetString()!));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            using var thumbnail = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
            (thumbnail.Width, thumbnail.Height).ShouldBe((120, 60));
            var job = await FinishedJobAsync(restarted, id);
            job.State.ShouldBe(JobStates.Succeeded);
            job.Attempts.ShouldBe(2, "the killed worker's attempt and the one that took over");
            job.LockedBy.ShouldBeNull();
        }
        finally
        {
            await (restarted ?? crashed).DisposeAsync();
        }
    }

    [Test]
    public async Task Ready_ReportsTheMediaQueue()
    {
        using var client = Api.CreateClient();

        var body = await (await client.GetAsync(Url("/health/ready"))).ShouldBeJsonAsync();

        var media = body.GetProperty("checks").GetProperty("media").GetProperty("data");
        media.GetProperty("enabled").GetBoolean().ShouldBeTrue();
        media.GetProperty("waiting").GetInt32().ShouldBeGreaterThanOrEqualTo(0);
        media.TryGetProperty("oldestWaitingSeconds", out _).ShouldBeTrue();
    }

    private async Task<Guid> UploadAsync(HttpClient client, string fileName, string contentType, byte[] bytes, string? sha256 = null)
    {
        var registered = await client.RegisterAsync(fileName, contentType, bytes.Length, extra: sha256 is null ? null : new { sha256 });
        (await Store.PutAsync(registered.GetProperty("upload"), bytes)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var id = registered.GetProperty("asset").GetProperty("id").GetGuid();
        var completed = await (await client.CompleteAsync(id)).ShouldBeJsonAsync();
        completed.GetProperty("integrity").GetString().ShouldBe("unverified");
        return id;
    }

    // Polls the asset (bounded) until its integrity is settled and no rendition is pending.
    private static async Task<JsonElement> ProcessedAsync(HttpClient client, Guid id)
    {
        var deadline = DateTimeOffset.UtcNow + ProcessingTimeout;
        while (true)
        {
            var asset = await (await client.GetAsync(Url($"/api/v1/assets/{id}"))).ShouldBeJsonAsync();
            var done = asset.GetProperty("integrity").GetString() != "unverified"
                && asset.GetProperty("renditions").EnumerateArray().All(r => r.GetProperty("status").GetString() != "pending");
            if (done)
            {
                return asset;
            }

            DateTimeOffset.UtcNow.ShouldBeLessThan(deadline, $"asset {id} was not processed in time: {asset}");
            await Task.Delay(200);
        }
    }

    // The last_error of the asset's media.process job, once written (bounded wait: it follows the asset's update).
    private async Task<string> JobNoteAsync(Guid assetId)
    {
        var deadline = DateTimeOffset.UtcNow + ProcessingTimeout;
        while (true)
        {
            var note = await Api.WithDbAsync(db => db.Jobs
                .Where(j => j.DedupeKey == assetId.ToString())
                .Select(j => j.LastError)
                .SingleAsync());
            if (note is not null)
            {
                return note;
            }

            DateTimeOffset.UtcNow.ShouldBeLessThan(deadline, $"the job of asset {assetId} has no note");
            await Task.Delay(200);
        }
    }

    // The asset's media.process job once it left the running state (bounded wait: the worker records the outcome
    // just after the asset is saved).
    private static async Task<Job> FinishedJobAsync(MediaVaultApi api, Guid assetId)
    {
        var deadline = DateTimeOffset.UtcNow + ProcessingTimeout;
        while (true)
        {
            var job = await api.WithDbAsync(db => db.Jobs.AsNoTracking()
                .SingleAsync(j => j.Kind == MediaJobs.ProcessKind && j.DedupeKey == assetId.ToString()));
            if (job.State != JobStates.Running)
            {
                return job;
            }

            DateTimeOffset.UtcNow.ShouldBeLessThan(deadline, $"the job of asset {assetId} is still running");
            await Task.Delay(200);
        }
    }

    private async Task<byte[]> RenditionBytesAsync(HttpClient client, Guid id, string name)
    {
        var body = await (await client.GetAsync(Url($"/api/v1/assets/{id}/renditions/{name}"))).ShouldBeJsonAsync();
        return await DownloadBytesAsync(new Uri(body.GetProperty("url").GetString()!));
    }

    private async Task<byte[]> DownloadBytesAsync(Uri url)
    {
        var response = await Store.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("image/webp");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static (int? Width, int? Height, double? Duration, string? Codec) Media(JsonElement asset)
    {
        var media = asset.GetProperty("media");
        media.ValueKind.ShouldBe(JsonValueKind.Object, asset.ToString());
        return (Int(media, "width"), Int(media, "height"), media.GetProperty("durationSeconds") is { ValueKind: JsonValueKind.Number } d ? d.GetDouble() : null, media.GetProperty("codec").GetString());
    }

    private static (string? Status, string? ContentType, int? Width, int? Height) Rendition(JsonElement asset, string name)
    {
        var rendition = asset.GetProperty("renditions").EnumerateArray().Single(r => r.GetProperty("name").GetString() == name);
        return (rendition.GetProperty("status").GetString(), rendition.GetProperty("contentType").GetString(), Int(rendition, "width"), Int(rendition, "height"));
    }

    private static int? Int(JsonElement element, string property) =>
        element.GetProperty(property) is { ValueKind: JsonValueKind.Number } value ? value.GetInt32() : null;

    private static bool IsRed(SKColor color) => color.Red > 200 && color.Blue < 60 && color.Green < 60;

    private static bool IsBlue(SKColor color) => color.Blue > 200 && color.Red < 60 && color.Green < 60;
}
