using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MediaVault.Application.Assets.PurgeAbandonedUploads;
using MediaVault.Domain.Assets;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaVault.Integration.Tests.Assets;

/// <summary>
/// The upload flow end to end, with real bytes sent to the presigned URLs by a plain HTTP client: against the S3 test
/// server (which checks SigV4 signatures) and against the embedded store (whose URLs the API serves itself).
/// </summary>
[TestFixture(DatabaseProvider.Postgres, StorageProvider.S3)]
[TestFixture(DatabaseProvider.Postgres, StorageProvider.FileSystem)]
[TestFixture(DatabaseProvider.Sqlite, StorageProvider.FileSystem)]
public sealed class UploadAssetsTests(DatabaseProvider provider, StorageProvider storage) : StoreFixture(provider, storage)
{
    private const int FiveMiB = 5 * 1024 * 1024;
    private static readonly string[] BeachTags = ["beach"];
    private static readonly string[] NewTags = ["Two", "three"];

    [Test]
    public async Task Upload_WithSinglePut_CompletesListsAndDownloadsTheSameBytes()
    {
        var owner = await Api.OwnerAsync();
        using var client = Api.ClientFor(owner.Value);
        var bytes = Uploads.RandomBytes(300_000);

        var created = await client.RegisterAsync("Sunset at the beach.png", "image/png", bytes.Length, extra: new { title = "Sunset", tags = BeachTags });
        var asset = created.GetProperty("asset");
        var upload = created.GetProperty("upload");
        asset.GetProperty("status").GetString().ShouldBe("pending");
        asset.GetProperty("access").GetProperty("role").GetString().ShouldBe("owner");
        upload.GetProperty("method").GetString().ShouldBe("PUT");
        upload.GetProperty("headers").GetProperty("Content-Type").GetString().ShouldBe("image/png");
        upload.GetProperty("parts").ValueKind.ShouldBe(JsonValueKind.Null);
        (await Api.OwnerStateAsync(owner)).StorageReservedBytes.ShouldBe(bytes.Length);
        var id = asset.GetProperty("id").GetGuid();

        using (var put = await Store.PutAsync(upload, bytes))
        {
            put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        }

        var completed = await (await client.CompleteAsync(id)).ShouldBeJsonAsync();
        completed.GetProperty("status").GetString().ShouldBe("ready");
        completed.GetProperty("access").GetProperty("canDownload").GetBoolean().ShouldBeTrue();
        var holder = await Api.OwnerStateAsync(owner);
        holder.StorageUsedBytes.ShouldBe(bytes.Length);
        holder.StorageReservedBytes.ShouldBe(0);

        var list = await (await client.GetAsync(new Uri("/api/v1/assets?scope=owned", UriKind.Relative))).ShouldBeJsonAsync();
        var listed = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id);
        listed.GetProperty("status").GetString().ShouldBe("ready");

        var download = await (await client.GetAsync(new Uri($"/api/v1/assets/{id}/download", UriKind.Relative))).ShouldBeJsonAsync();
        var (sha256, length, response) = await Store.DownloadAsync(new Uri(download.GetProperty("url").GetString()!));
        using (response)
        {
            length.ShouldBe(bytes.Length);
            sha256.ShouldBe(Uploads.Sha256Of(bytes));
            response.Content.Headers.ContentType?.MediaType.ShouldBe("image/png");
            var disposition = response.Content.Headers.ContentDisposition?.ToString() ?? string.Join(",", response.Headers.GetValues("Content-Disposition"));
            disposition.ShouldStartWith("attachment");
            disposition.ShouldContain("filename*=UTF-8''Sunset%20at%20the%20beach.png");
        }
    }

    [Test]
    public async Task Upload_WithMultipart_AssemblesThePartsIntoTheDeclaredObject()
    {
        var owner = await Api.OwnerAsync();
        using var client = Api.ClientFor(owner.Value);
        var (file, sha256) = await Uploads.DeterministicFileAsync((2L * FiveMiB) + (3 * 1024 * 1024));
        try
        {
            var size = new FileInfo(file).Length;
            var created = await client.RegisterAsync("concert.mp4", "video/mp4", size);
            var upload = created.GetProperty("upload");
            upload.GetProperty("method").GetString().ShouldBe("MULTIPART");
            upload.GetProperty("url").ValueKind.ShouldBe(JsonValueKind.Null);
            upload.GetProperty("partSizeBytes").GetInt64().ShouldBe(FiveMiB);
            upload.GetProperty("parts").GetArrayLength().ShouldBe(3);
            var id = created.GetProperty("asset").GetProperty("id").GetGuid();

            var parts = await Store.PutPartsAsync(upload, file);
            var completed = await (await client.CompleteAsync(id, parts)).ShouldBeJsonAsync();

            completed.GetProperty("status").GetString().ShouldBe("ready");
            var stored = await Api.StoredObjectAsync(id);
            stored.ShouldNotBeNull().SizeBytes.ShouldBe(size);
            var download = await (await client.GetAsync(new Uri($"/api/v1/assets/{id}/download?disposition=inline", UriKind.Relative))).ShouldBeJsonAsync();
            var (downloaded, length, response) = await Store.DownloadAsync(new Uri(download.GetProperty("url").GetString()!));
            using (response)
            {
                length.ShouldBe(size);
                downloaded.ShouldBe(sha256);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Complete_OfMultipartUploadWithoutParts_Is400WithPartsError()
    {
        var owner = await Api.OwnerAsync();
        using var client = Api.ClientFor(owner.Value);
        var created = await client.RegisterAsync("long.mp3", "audio/mpeg", 3L * FiveMiB);

        var problem = await (await client.CompleteAsync(created.GetProperty("asset").GetProperty("id").GetGuid())).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("errors").TryGetProperty("parts", out _).ShouldBeTrue();
    }

    [Test]
    public async Task Complete_BeforeAnyUpload_Is409AndAssetStaysPending()
    {
        var owner = await Api.OwnerAsync();
        using var client = Api.ClientFor(owner.Value);
        var id = (await client.RegisterAsync("a.jpg", "image/jpeg", 1000)).GetProperty("asset").GetProperty("id").GetGuid();

        await (await client.CompleteAsync(id)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        await AssertPendingWithReservationAsync(client, owner, id, 1000);
    }

    [Test]
    public async Task Complete_AfterUploadOfWrongSize_Is409AndAssetStaysPending()
    {
        var owner = await Api.OwnerAsync();
        using var client = Api.ClientFor(owner.Value);
        var created = await client.RegisterAsync("a.jpg", "image/jpeg", 1000);
        var id = created.GetProperty("asset").GetProperty("id").GetGuid();

        // The embedded store refuses the short body itself; S3 stores it and the complete finds the size wrong.
        using (await Store.PutAsync(created.GetProperty("upload"), Uploads.RandomBytes(900)))
        {
        }

        await (await client.CompleteAsync(id)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await AssertPendingWithReservationAsync(client, owner, id, 1000);
    }

    [Test]
    public async Task Complete_OfSinglePutWithoutAnyBody_MakesTheAssetReady()
    {
        var owner = await Api.OwnerAsync();
        using var client = Api.ClientFor(owner.Value);
        var created = await client.RegisterAsync("a.webp", "image/webp", 700);
        using (await Store.PutAsync(created.GetProperty("upload"), Uploads.RandomBytes(700)))
        {
        }

        using var response = await client.PostAsync(new Uri($"/api/v1/assets/{created.GetProperty("asset").GetProperty("id").GetGuid()}/complete", UriKind.Relative), null);

        (await response.ShouldBeJsonAsync()).GetProperty("status").GetString().ShouldBe("ready");
    }

    [Test]
    public async Task Complete_WhenRepeated_AnswersTheReadyAssetAndCountsItsBytesOnce()
    {
        var owner = await Api.OwnerAsync();
        using var client = Api.ClientFor(owner.Value);
        var id = await UploadReadyAssetAsync(client, 2048);

        var again = await (await client.CompleteAsync(id)).ShouldBeJsonAsync();

        again.GetProperty("status").GetString().ShouldBe("ready");
        (await Api.OwnerStateAsync(owner)).StorageUsedBytes.ShouldBe(2048);
    }

    [Test]
    public async Task Complete_ByGranteeOfReadyAsset_Is403AndByStranger404()
    {
        var owner = await Api.OwnerAsync();
        var manager = await Api.OwnerAsync();
        var stranger = await Api.OwnerAsync();
        var asset = await Api.AssetAsync(owner);
        await Api.GrantAsync(asset.Id, manager, Domain.Access.AccessRole.Manager);
        using var managerClient = Api.ClientFor(manager.Value);
        using var strangerClient = Api.ClientFor(stranger.Value);

        await (await managerClient.CompleteAsync(asset.Id.Value)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await strangerClient.CompleteAsync(asset.Id.Value)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Put_WithTamperedSignature_IsRefused()
    {
        var (upload, _) = await RegisterAsync();
        var url = upload.GetProperty("url").GetString()!;
        var tampered = Storage == StorageProvider.S3 ? Replace(url, "X-Amz-Signature=", FlipFirst) : Replace(url, "sig=", FlipFirst);

        using var response = await Store.PutAsync(upload, Uploads.RandomBytes(1000), urlOverride: new Uri(tampered));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Put_ToAnotherKeyWithTheSameSignature_IsRefused()
    {
        var (upload, _) = await RegisterAsync();
        var url = new Uri(upload.GetProperty("url").GetString()!);
        var otherKey = new UriBuilder(url) { Path = url.AbsolutePath[..(url.AbsolutePath.LastIndexOf('/') + 1)] + Guid.NewGuid() }.Uri;

        using var response = await Store.PutAsync(upload, Uploads.RandomBytes(1000), urlOverride: otherKey);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Put_WithAnotherContentTypeThanSigned_IsRefused()
    {
        var (upload, _) = await RegisterAsync();

        using var response = await Store.PutAsync(upload, Uploads.RandomBytes(1000), contentTypeOverride: "image/gif");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Download_WithTamperedUrl_IsRefused()
    {
        var owner = await Api.OwnerAsync();
        using var client = Api.ClientFor(owner.Value);
        var id = await UploadReadyAssetAsync(client, 1000);
        var url = (await (await client.GetAsync(new Uri($"/api/v1/assets/{id}/download", UriKind.Relative))).ShouldBeJsonAsync()).GetProperty("url").GetString()!;
        var tampered = Replace(url, "attachment", _ => "inline");

        using var response = await Store.GetAsync(new Uri(tampered));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Put_AfterTheUrlExpired_IsRefused()
    {
        var settings = SettingsOfThisFixture();
        settings["Storage:UploadUrlTtlSeconds"] = "1";
        await using var api = await MediaVaultApi.StartAsync(Provider, Storage, settings);
        using var store = api.StoreClient(Storage);
        var owner = await api.OwnerAsync();
        using var client = api.ClientFor(owner.Value);
        var created = await client.RegisterAsync("a.jpg", "image/jpeg", 1000);

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        using var response = await store.PutAsync(created.GetProperty("upload"), Uploads.RandomBytes(1000));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Create_WhenSizeExceedsQuota_Is409QuotaExceededAndReservesNothing()
    {
        var owner = await Api.OwnerWithQuotaAsync(10_000);
        using var client = Api.ClientFor(owner.Value);
        await client.RegisterAsync("first.jpg", "image/jpeg", 6_000);

        var response = await client.PostAsJsonAsync(new Uri("/api/v1/assets", UriKind.Relative), new { fileName = "second.jpg", contentType = "image/jpeg", sizeBytes = 5_000 });
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);

        problem.GetProperty("type").GetString().ShouldEndWith("quota-exceeded");
        (await Api.OwnerStateAsync(owner)).StorageReservedBytes.ShouldBe(6_000);
    }

    [TestCase("application/pdf", 1000L, "contentType")]
    [TestCase("text/html", 1000L, "contentType")]
    [TestCase("image/png", 0L, "sizeBytes")]
    [TestCase("image/png", -5L, "sizeBytes")]
    [TestCase("image/png", 64L * 1024 * 1024 * 1024, "sizeBytes")]
    public async Task Create_WithInvalidDeclaration_Is400WithFieldError(string contentType, long sizeBytes, string field)
    {
        var owner = await Api.OwnerAsync();
        using var client = Api.ClientFor(owner.Value);

        var response = await client.PostAsJsonAsync(new Uri("/api/v1/assets", UriKind.Relative), new { fileName = "x.bin", contentType, sizeBytes });
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
        (await Api.OwnerStateAsync(owner)).StorageReservedBytes.ShouldBe(0);
    }

    [Test]
    public async Task Create_WithDetailsBeyondDomainLimits_Is400WithFieldErrors()
    {
        var owner = await Api.OwnerAsync();
        using var client = Api.ClientFor(owner.Value);

        var response = await client.PostAsJsonAsync(new Uri("/api/v1/assets", UriKind.Relative), new
        {
            fileName = "x.png",
            contentType = "image/png",
            sizeBytes = 10,
            title = new string('t', AssetDetails.TitleMaxLength + 1),
            description = new string('d', AssetDetails.DescriptionMaxLength + 1),
            tags = Enumerable.Range(0, Tag.MaxPerAsset + 1).Select(i => $"tag{i}").Append("not a tag!").ToArray(),
        });
        var errors = (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");

        errors.TryGetProperty("title", out _).ShouldBeTrue();
        errors.TryGetProperty("description", out _).ShouldBeTrue();
        errors.TryGetProperty("tags", out _).ShouldBeTrue();
    }

    [Test]
    public async Task Create_WithInvalidJson_Is400Problem()
    {
        var owner = await Api.OwnerAsync();
        using var client = Api.ClientFor(owner.Value);
        using var content = new StringContent("{\"fileName\": \"x.png\", \"sizeBytes\": ", Encoding.UTF8, "application/json");

        await (await client.PostAsync(new Uri("/api/v1/assets", UriKind.Relative), content)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Create_WithServerOwnedFieldsInBody_IgnoresThemAndUnknownFields()
    {
        var owner = await Api.OwnerAsync();
        var someoneElse = Guid.NewGuid();
        var forcedId = Guid.NewGuid();
        using var client = Api.ClientFor(owner.Value);

        var asset = (await client.RegisterAsync("x.png", "image/png", 10, extra: new { id = forcedId, ownerId = someoneElse, status = "ready", createdAt = "2000-01-01T00:00:00Z", whatever = 1 }))
            .GetProperty("asset");

        asset.GetProperty("id").GetGuid().ShouldNotBe(forcedId);
        asset.GetProperty("ownerId").GetGuid().ShouldBe(owner.Value);
        asset.GetProperty("status").GetString().ShouldBe("pending");
        asset.GetProperty("createdAt").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddHours(-1));
    }

    [Test]
    public async Task Create_ForCallerWithoutStorageAccount_Is409()
    {
        var caller = await Api.OwnerAsync();
        await Api.WithDbAsync(db => db.Owners.Where(o => o.Id == caller).ExecuteDeleteAsync());
        using var client = Api.ClientFor(caller.Value);

        var response = await client.PostAsJsonAsync(new Uri("/api/v1/assets", UriKind.Relative), new { fileName = "x.png", contentType = "image/png", sizeBytes = 10 });

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [TestCase(null, HttpStatusCode.OK)]
    [TestCase(Domain.Access.AccessRole.Manager, HttpStatusCode.OK)]
    [TestCase(Domain.Access.AccessRole.Editor, HttpStatusCode.OK)]
    [TestCase(Domain.Access.AccessRole.Viewer, HttpStatusCode.Forbidden)]
    public async Task Patch_ByRole_ChangesDetailsOrIsForbidden(Domain.Access.AccessRole? role, HttpStatusCode expected)
    {
        var owner = await Api.OwnerAsync();
        var asset = await Api.AssetAsync(owner, title: "Old", tags: ["one"]);
        var caller = role is null ? owner : await Api.OwnerAsync();
        if (role is { } r)
        {
            await Api.GrantAsync(asset.Id, caller, r);
        }

        using var client = Api.ClientFor(caller.Value);
        var response = await client.PatchAsJsonAsync(new Uri($"/api/v1/assets/{asset.Id}", UriKind.Relative), new { title = "New", tags = NewTags, ownerId = Guid.NewGuid() });

        if (expected == HttpStatusCode.OK)
        {
            var body = await response.ShouldBeJsonAsync();
            body.GetProperty("title").GetString().ShouldBe("New");
            body.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldBe(["two", "three"], ignoreOrder: true);
            body.GetProperty("ownerId").GetGuid().ShouldBe(owner.Value);
        }
        else
        {
            await response.ShouldBeProblemAsync(expected);
        }
    }

    [Test]
    public async Task Patch_ByStranger_Is404AndWithTooLongTitle_Is400()
    {
        var owner = await Api.OwnerAsync();
        var stranger = await Api.OwnerAsync();
        var asset = await Api.AssetAsync(owner);
        using var strangerClient = Api.ClientFor(stranger.Value);
        using var ownerClient = Api.ClientFor(owner.Value);

        await (await strangerClient.PatchAsJsonAsync(new Uri($"/api/v1/assets/{asset.Id}", UriKind.Relative), new { title = "x" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var problem = await (await ownerClient.PatchAsJsonAsync(new Uri($"/api/v1/assets/{asset.Id}", UriKind.Relative), new { title = new string('x', 201) }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("title", out _).ShouldBeTrue();
    }

    [Test]
    public async Task Delete_ByOwner_MovesToTheTrashAndPurge_RemovesRowObjectAndUsage()
    {
        var owner = await Api.OwnerAsync();
        var grantee = await Api.OwnerAsync();
        using var client = Api.ClientFor(owner.Value);
        var id = await UploadReadyAssetAsync(client, 4096);
        var key = await Api.WithDbAsync(db => db.Assets.Where(a => a.Id == new AssetId(id)).Select(a => a.StorageKey).SingleAsync());
        await Api.GrantAsync(new AssetId(id), grantee, Domain.Access.AccessRole.Viewer);

        (await client.DeleteAsync(new Uri($"/api/v1/assets/{id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await client.GetAsync(new Uri($"/api/v1/assets/{id}", UriKind.Relative))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await Api.StoredObjectAsync(key)).ShouldNotBeNull();
        (await Api.OwnerStateAsync(owner)).StorageUsedBytes.ShouldBe(4096);

        (await client.DeleteAsync(new Uri($"/api/v1/trash/{id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await Api.StoredObjectAsync(key)).ShouldBeNull();
        (await Api.OwnerStateAsync(owner)).StorageUsedBytes.ShouldBe(0);
        (await Api.WithDbAsync(db => db.Grants.CountAsync(g => g.AssetId == new AssetId(id)))).ShouldBe(0);
    }

    [TestCase(Domain.Access.AccessRole.Manager)]
    [TestCase(Domain.Access.AccessRole.Editor)]
    [TestCase(Domain.Access.AccessRole.Viewer)]
    public async Task Delete_ByGrantee_Is403AndByStranger404(Domain.Access.AccessRole role)
    {
        var owner = await Api.OwnerAsync();
        var grantee = await Api.OwnerAsync();
        var stranger = await Api.OwnerAsync();
        var asset = await Api.AssetAsync(owner);
        await Api.GrantAsync(asset.Id, grantee, role);
        using var granteeClient = Api.ClientFor(grantee.Value);
        using var strangerClient = Api.ClientFor(stranger.Value);

        await (await granteeClient.DeleteAsync(new Uri($"/api/v1/assets/{asset.Id}", UriKind.Relative))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await strangerClient.DeleteAsync(new Uri($"/api/v1/assets/{asset.Id}", UriKind.Relative))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [TestCase(Domain.Access.AccessRole.Manager)]
    [TestCase(Domain.Access.AccessRole.Editor)]
    [TestCase(Domain.Access.AccessRole.Viewer)]
    public async Task Download_ByActiveGrantee_GetsTheBytesAndIsRecorded(Domain.Access.AccessRole role)
    {
        var owner = await Api.OwnerAsync();
        var grantee = await Api.OwnerAsync();
        using var ownerClient = Api.ClientFor(owner.Value);
        var bytes = Uploads.RandomBytes(5000);
        var id = await UploadReadyAssetAsync(ownerClient, bytes);
        await Api.GrantAsync(new AssetId(id), grantee, role);
        using var client = Api.ClientFor(grantee.Value);

        var download = await (await client.GetAsync(new Uri($"/api/v1/assets/{id}/download", UriKind.Relative))).ShouldBeJsonAsync();
        var (sha256, _, response) = await Store.DownloadAsync(new Uri(download.GetProperty("url").GetString()!));
        response.Dispose();

        sha256.ShouldBe(Uploads.Sha256Of(bytes));
        (await Api.WithDbAsync(db => db.Activity.CountAsync(e => e.AssetId == new AssetId(id) && e.Action == "asset.downloaded" && e.ActorId == grantee)))
            .ShouldBe(1);
    }

    [Test]
    public async Task Download_OfFileWithNonAsciiName_AnswersWithRfc6266FileNameStar()
    {
        var owner = await Api.OwnerAsync();
        using var client = Api.ClientFor(owner.Value);
        var bytes = Uploads.RandomBytes(100);
        var created = await client.RegisterAsync("Été à Paris (1).jpg", "image/jpeg", bytes.Length);
        using (await Store.PutAsync(created.GetProperty("upload"), bytes))
        {
        }

        var id = created.GetProperty("asset").GetProperty("id").GetGuid();
        await (await client.CompleteAsync(id)).ShouldBeJsonAsync();

        var download = await (await client.GetAsync(new Uri($"/api/v1/assets/{id}/download?disposition=inline", UriKind.Relative))).ShouldBeJsonAsync();
        var (sha256, _, response) = await Store.DownloadAsync(new Uri(download.GetProperty("url").GetString()!));
        using (response)
        {
            sha256.ShouldBe(Uploads.Sha256Of(bytes));
            var disposition = string.Join(",", response.Content.Headers.GetValues("Content-Disposition"));
            disposition.ShouldStartWith("inline");
            disposition.ShouldContain("filename*=UTF-8''%C3%89t%C3%A9%20%C3%A0%20Paris%20%281%29.jpg");
        }
    }

    [Test]
    public async Task Download_UnderGrantExpiringSoon_NeverOutlivesTheGrant()
    {
        var owner = await Api.OwnerAsync();
        var grantee = await Api.OwnerAsync();
        var asset = await Api.AssetAsync(owner);
        var grantExpiresAt = DateTimeOffset.UtcNow.AddSeconds(30);
        await Api.GrantAsync(asset.Id, grantee, Domain.Access.AccessRole.Viewer, grantExpiresAt);
        using var client = Api.ClientFor(grantee.Value);

        var download = await (await client.GetAsync(new Uri($"/api/v1/assets/{asset.Id}/download", UriKind.Relative))).ShouldBeJsonAsync();

        download.GetProperty("expiresAt").GetDateTimeOffset().ShouldBeLessThanOrEqualTo(grantExpiresAt);
    }

    [Test]
    public async Task Download_ByStranger_Is404_OfPendingAssetByOwner_Is409_WithUnknownDisposition_Is400()
    {
        var owner = await Api.OwnerAsync();
        var stranger = await Api.OwnerAsync();
        var ready = await Api.AssetAsync(owner);
        var pending = await Api.AssetAsync(owner, ready: false);
        using var ownerClient = Api.ClientFor(owner.Value);
        using var strangerClient = Api.ClientFor(stranger.Value);

        await (await strangerClient.GetAsync(new Uri($"/api/v1/assets/{ready.Id}/download", UriKind.Relative))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await ownerClient.GetAsync(new Uri($"/api/v1/assets/{pending.Id}/download", UriKind.Relative))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var problem = await (await ownerClient.GetAsync(new Uri($"/api/v1/assets/{ready.Id}/download?disposition=sideways", UriKind.Relative)))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("disposition", out _).ShouldBeTrue();
    }

    [Test]
    public async Task Sweeper_WhenUploadWindowHasPassed_PurgesRowReservationAndObject()
    {
        var owner = await Api.OwnerAsync();
        using var client = Api.ClientFor(owner.Value);
        var created = await client.RegisterAsync("never-completed.png", "image/png", 1000);
        var id = new AssetId(created.GetProperty("asset").GetProperty("id").GetGuid());
        using (var put = await Store.PutAsync(created.GetProperty("upload"), Uploads.RandomBytes(1000)))
        {
            put.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var key = await Api.WithDbAsync(db => db.Assets.Where(a => a.Id == id).Select(a => a.StorageKey).SingleAsync());
        var stagingKey = await Api.StagingKeyAsync(id.Value);
        (await Api.StoredObjectAsync(stagingKey)).ShouldNotBeNull();
        await Api.WithDbAsync(db => db.Assets.Where(a => a.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.UploadExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));

        await using (var scope = Api.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<PurgeAbandonedUploadsHandler>()
                .HandleAsync(new PurgeAbandonedUploadsCommand(), CancellationToken.None);
            result.IsSuccess.ShouldBeTrue();
        }

        (await Api.WithDbAsync(db => db.Assets.AnyAsync(a => a.Id == id))).ShouldBeFalse();
        (await Api.OwnerStateAsync(owner)).StorageReservedBytes.ShouldBe(0);
        (await Api.StoredObjectAsync(key)).ShouldBeNull();
        (await Api.StoredObjectAsync(stagingKey)).ShouldBeNull();
        (await Api.WithDbAsync(db => db.Activity.AnyAsync(e => e.AssetId == id && e.Action == "asset.purged"))).ShouldBeTrue();
    }

    [Test]
    public async Task Sweeper_WhenUploadWindowIsOpenOrAssetReady_LeavesThemAlone()
    {
        var owner = await Api.OwnerAsync();
        using var client = Api.ClientFor(owner.Value);
        var pendingId = (await client.RegisterAsync("pending.png", "image/png", 1000)).GetProperty("asset").GetProperty("id").GetGuid();
        var readyId = await UploadReadyAssetAsync(client, 1000);
        await Api.WithDbAsync(db => db.Assets.Where(a => a.Id == new AssetId(readyId))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.UploadExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));

        await using (var scope = Api.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PurgeAbandonedUploadsHandler>().HandleAsync(new PurgeAbandonedUploadsCommand(), CancellationToken.None);
        }

        (await Api.WithDbAsync(db => db.Assets.CountAsync(a => a.Id == new AssetId(pendingId) || a.Id == new AssetId(readyId)))).ShouldBe(2);
        (await Api.StoredObjectAsync(readyId)).ShouldNotBeNull();
    }

    protected override IDictionary<string, string?>? Settings() => SettingsOfThisFixture();

    private static Dictionary<string, string?> SettingsOfThisFixture() => new()
    {
        ["Assets:MultipartThresholdBytes"] = (8 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Assets:MultipartPartSizeBytes"] = FiveMiB.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Assets:UploadGraceSeconds"] = "0",
    };

    private async Task<(JsonElement Upload, Guid Id)> RegisterAsync()
    {
        var owner = await Api.OwnerAsync();
        using var client = Api.ClientFor(owner.Value);
        var created = await client.RegisterAsync("a.jpg", "image/jpeg", 1000);
        return (created.GetProperty("upload"), created.GetProperty("asset").GetProperty("id").GetGuid());
    }

    private Task<Guid> UploadReadyAssetAsync(HttpClient client, int size) => UploadReadyAssetAsync(client, Uploads.RandomBytes(size));

    private async Task<Guid> UploadReadyAssetAsync(HttpClient client, byte[] bytes)
    {
        var created = await client.RegisterAsync("file.jpg", "image/jpeg", bytes.Length);
        using (var put = await Store.PutAsync(created.GetProperty("upload"), bytes))
        {
            put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        }

        var id = created.GetProperty("asset").GetProperty("id").GetGuid();
        (await (await client.CompleteAsync(id)).ShouldBeJsonAsync()).GetProperty("status").GetString().ShouldBe("ready");
        return id;
    }

    private async Task AssertPendingWithReservationAsync(HttpClient client, Domain.Users.UserId owner, Guid id, long size)
    {
        var asset = await (await client.GetAsync(new Uri($"/api/v1/assets/{id}", UriKind.Relative))).ShouldBeJsonAsync();
        asset.GetProperty("status").GetString().ShouldBe("pending");
        var holder = await Api.OwnerStateAsync(owner);
        holder.StorageReservedBytes.ShouldBe(size);
        holder.StorageUsedBytes.ShouldBe(0);
    }

    private static string Replace(string url, string marker, Func<string, string> change)
    {
        var start = url.IndexOf(marker, StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, $"{marker} not in {url}");
        start += marker.Length;
        var end = url.IndexOf('&', start);
        end = end < 0 ? url.Length : end;
        return url[..start] + change(url[start..end]) + url[end..];
    }

    private static string FlipFirst(string value) => (value[0] == 'a' ? 'b' : 'a') + value[1..];
}
