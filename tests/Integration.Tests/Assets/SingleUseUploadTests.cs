using System.Net;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets;
using MediaVault.Application.Assets.ReconcileStorage;
using MediaVault.Domain.Assets;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MediaVault.Integration.Tests.Assets;

/// <summary>
/// Upload URLs are single-use: they write to a staging key that complete promotes to the key downloads read, so a
/// write after complete or after delete never reaches a ready object, and the reconciliation removes what it leaves.
/// </summary>
[TestFixture(DatabaseProvider.Postgres, StorageProvider.S3)]
[TestFixture(DatabaseProvider.Postgres, StorageProvider.FileSystem)]
[TestFixture(DatabaseProvider.Sqlite, StorageProvider.FileSystem)]
public sealed class SingleUseUploadTests(DatabaseProvider provider, StorageProvider storage) : StoreFixture(provider, storage)
{
    protected override IDictionary<string, string?>? Settings() => new Dictionary<string, string?> { ["Assets:UploadGraceSeconds"] = "0" };

    [Test]
    public async Task Put_ToTheOldUploadUrlAfterComplete_DoesNotChangeTheDownloadedBytes()
    {
        using var client = Api.ClientFor((await Api.OwnerAsync()).Value);
        var original = Uploads.RandomBytes(4096);
        var (id, upload) = await UploadReadyAsync(client, original);

        using (var late = await Store.PutAsync(upload, Uploads.RandomBytes(4096)))
        {
            // The URL still signs a write, but only to the staging key, which nothing reads once the asset is ready.
            late.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await DownloadSha256Async(client, id)).ShouldBe(Uploads.Sha256Of(original));
        (await Api.StoredObjectAsync(id)).ShouldNotBeNull().SizeBytes.ShouldBe(4096);
    }

    [Test]
    public async Task Put_ToTheOldUploadUrlAfterDelete_LeavesNothingAfterTheReconciliation()
    {
        using var client = Api.ClientFor((await Api.OwnerAsync()).Value);
        var (id, upload) = await UploadReadyAsync(client, Uploads.RandomBytes(2048));
        var stagingKey = await Api.StagingKeyAsync(id);
        var finalKey = await Api.WithDbAsync(db => db.Assets.Where(a => a.Id == new AssetId(id)).Select(a => a.StorageKey).SingleAsync());
        (await client.DeleteAsync(new Uri($"/api/v1/assets/{id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.DeleteAsync(new Uri($"/api/v1/trash/{id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        using (var late = await Store.PutAsync(upload, Uploads.RandomBytes(2048)))
        {
            late.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await Api.StoredObjectAsync(stagingKey)).ShouldNotBeNull();
        var report = await ReconcileAsync(after: TimeSpan.FromDays(1));

        report.OrphansRemoved.ShouldBeGreaterThanOrEqualTo(1);
        (await Api.StoredObjectAsync(stagingKey)).ShouldBeNull();
        (await Api.StoredObjectAsync(finalKey)).ShouldBeNull();
    }

    [Test]
    public async Task Reconciliation_KeepsOrphansYoungerThanTheUploadWindowAndEveryObjectARowOwns()
    {
        using var client = Api.ClientFor((await Api.OwnerAsync()).Value);
        var (readyId, readyUpload) = await UploadReadyAsync(client, Uploads.RandomBytes(1024));
        using (await Store.PutAsync(readyUpload, Uploads.RandomBytes(1024)))
        {
        }

        var pending = await client.RegisterAsync("pending.png", "image/png", 512);
        var pendingId = pending.GetProperty("asset").GetProperty("id").GetGuid();
        using (await Store.PutAsync(pending.GetProperty("upload"), Uploads.RandomBytes(512)))
        {
        }

        var report = await ReconcileAsync(after: TimeSpan.Zero);

        report.OrphanedObjects.ShouldBeGreaterThanOrEqualTo(1);
        (await Api.StoredObjectAsync(await Api.StagingKeyAsync(readyId))).ShouldNotBeNull("an orphan younger than the upload window stays");
        (await Api.StoredObjectAsync(readyId)).ShouldNotBeNull();
        (await Api.StoredObjectAsync(await Api.StagingKeyAsync(pendingId))).ShouldNotBeNull("a pending upload's staged object is owned");

        await ReconcileAsync(after: TimeSpan.FromDays(1));

        (await Api.StoredObjectAsync(await Api.StagingKeyAsync(readyId))).ShouldBeNull();
        (await Api.StoredObjectAsync(readyId)).ShouldNotBeNull();
        (await Api.StoredObjectAsync(await Api.StagingKeyAsync(pendingId))).ShouldNotBeNull();
    }

    [Test]
    public async Task Sweeper_WithAReconcileInterval_ReportsOrphansOnItsOwn()
    {
        await using var api = await MediaVaultApi.StartAsync(
            Provider, Storage, new Dictionary<string, string?> { ["Assets:ReconcileIntervalSeconds"] = "1", ["Assets:SweepIntervalSeconds"] = "0" });
        using var store = api.StoreClient(Storage);
        using var capture = new CapturingLoggerProvider();
        api.Services.GetRequiredService<ILoggerFactory>().AddProvider(capture);
        using var client = api.ClientFor((await api.OwnerAsync()).Value);
        var created = await client.RegisterAsync("photo.png", "image/png", 100);
        var id = created.GetProperty("asset").GetProperty("id").GetGuid();
        using (await store.PutAsync(created.GetProperty("upload"), Uploads.RandomBytes(100)))
        {
        }

        (await (await client.CompleteAsync(id)).ShouldBeJsonAsync()).GetProperty("status").GetString().ShouldBe("ready");
        using (await store.PutAsync(created.GetProperty("upload"), Uploads.RandomBytes(100)))
        {
        }

        var stagingKey = await api.StagingKeyAsync(id);
        Func<string, bool> reported = line => line.Contains(stagingKey, StringComparison.Ordinal) && line.Contains("belongs to no asset", StringComparison.Ordinal);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (!capture.Lines.Any(reported) && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        capture.Lines.Any(reported).ShouldBeTrue(string.Join(Environment.NewLine, capture.Lines));
    }

    [Test]
    public async Task Reconciliation_ReportsAReadyAssetWhoseObjectIsMissing()
    {
        using var client = Api.ClientFor((await Api.OwnerAsync()).Value);
        var (id, _) = await UploadReadyAsync(client, Uploads.RandomBytes(1024));
        var finalKey = await Api.WithDbAsync(db => db.Assets.Where(a => a.Id == new AssetId(id)).Select(a => a.StorageKey).SingleAsync());
        await Api.Services.GetRequiredService<IObjectStorage>().DeleteAsync(finalKey, CancellationToken.None);

        var report = await ReconcileAsync(after: TimeSpan.FromMinutes(1));

        report.MissingObjects.ShouldBeGreaterThanOrEqualTo(1);
        (await Api.WithDbAsync(db => db.Assets.AnyAsync(a => a.Id == new AssetId(id)))).ShouldBeTrue("a missing object is reported, never acted on");
    }

    [Test]
    public async Task Complete_RetriedAfterAPromoteWhoseDatabaseWriteFailed_Is200WithTheUploadedBytes()
    {
        using var client = Api.ClientFor((await Api.OwnerAsync()).Value);
        var bytes = Uploads.RandomBytes(3000);
        var created = await client.RegisterAsync("retry.png", "image/png", bytes.Length);
        var id = created.GetProperty("asset").GetProperty("id").GetGuid();
        using (var put = await Store.PutAsync(created.GetProperty("upload"), bytes))
        {
            put.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // What a complete that promoted the object and then lost its database write leaves behind.
        var objects = Api.Services.GetRequiredService<IObjectStorage>();
        var stagingKey = await Api.StagingKeyAsync(id);
        var staged = (await objects.HeadAsync(stagingKey, CancellationToken.None)).ShouldNotBeNull();
        var finalKey = await Api.WithDbAsync(db => db.Assets.Where(a => a.Id == new AssetId(id)).Select(a => a.StorageKey).SingleAsync());
        (await objects.PromoteAsync(stagingKey, finalKey, staged, CancellationToken.None)).ShouldBeTrue();

        var completed = await (await client.CompleteAsync(id)).ShouldBeJsonAsync();

        completed.GetProperty("status").GetString().ShouldBe("ready");
        (await DownloadSha256Async(client, id)).ShouldBe(Uploads.Sha256Of(bytes));
        (await (await client.CompleteAsync(id)).ShouldBeJsonAsync()).GetProperty("status").GetString().ShouldBe("ready");
    }

    [Test]
    public async Task Put_OfAnotherLengthThanDeclared_IsRefusedByTheStore()
    {
        using var client = Api.ClientFor((await Api.OwnerAsync()).Value);
        var created = await client.RegisterAsync("short.png", "image/png", 1000);
        var id = created.GetProperty("asset").GetProperty("id").GetGuid();

        using var longer = await Store.PutAsync(created.GetProperty("upload"), Uploads.RandomBytes(5000));

        longer.IsSuccessStatusCode.ShouldBeFalse();
        (await Api.StoredObjectAsync(await Api.StagingKeyAsync(id))).ShouldBeNull();
    }

    private async Task<(Guid Id, System.Text.Json.JsonElement Upload)> UploadReadyAsync(HttpClient client, byte[] bytes)
    {
        var created = await client.RegisterAsync("photo.png", "image/png", bytes.Length);
        var upload = created.GetProperty("upload");
        using (var put = await Store.PutAsync(upload, bytes))
        {
            put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        }

        var id = created.GetProperty("asset").GetProperty("id").GetGuid();
        (await (await client.CompleteAsync(id)).ShouldBeJsonAsync()).GetProperty("status").GetString().ShouldBe("ready");
        return (id, upload);
    }

    private async Task<string> DownloadSha256Async(HttpClient client, Guid id)
    {
        var download = await (await client.GetAsync(new Uri($"/api/v1/assets/{id}/download", UriKind.Relative))).ShouldBeJsonAsync();
        var (sha256, _, response) = await Store.DownloadAsync(new Uri(download.GetProperty("url").GetString()!));
        response.Dispose();
        return sha256;
    }

    /// <summary>One reconciliation pass as the sweeper runs it, at <paramref name="after"/> from now.</summary>
    private async Task<ReconciliationReport> ReconcileAsync(TimeSpan after)
    {
        await using var scope = Api.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var handler = new ReconcileStorageHandler(
            services.GetRequiredService<IReadRepository<Asset>>(),
            services.GetRequiredService<IObjectStorage>(),
            new FakeTimeProvider(DateTimeOffset.UtcNow + after),
            services.GetRequiredService<AssetSettings>(),
            NullLogger<ReconcileStorageHandler>.Instance);
        var result = await handler.HandleAsync(new ReconcileStorageCommand(PageSize: 2), CancellationToken.None);
        result.IsSuccess.ShouldBeTrue();
        return result.Value;
    }
}
