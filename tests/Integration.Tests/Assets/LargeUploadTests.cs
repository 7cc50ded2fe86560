using System.Net;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;

namespace MediaVault.Integration.Tests.Assets;

/// <summary>A real 100 MiB file through the multipart path with the default limits, streamed from a temp file part by part.</summary>
[TestFixture(StorageProvider.S3)]
[TestFixture(StorageProvider.FileSystem)]
public sealed class LargeUploadTests(StorageProvider storage)
{
    private const long Size = 100L * 1024 * 1024;

    [Test]
    public async Task Upload_Of100MiBThroughMultipart_DownloadsTheSameBytes()
    {
        await using var api = await MediaVaultApi.StartAsync(DatabaseProvider.Postgres, storage);
        using var store = api.StoreClient(storage);
        store.Timeout = TimeSpan.FromMinutes(5);
        var owner = await api.OwnerAsync();
        using var client = api.ClientFor(owner.Value);
        var (file, sha256) = await Uploads.DeterministicFileAsync(Size);
        try
        {
            var created = await client.RegisterAsync("big.mov", "video/quicktime", Size);
            var upload = created.GetProperty("upload");
            upload.GetProperty("method").GetString().ShouldBe("MULTIPART");
            var id = created.GetProperty("asset").GetProperty("id").GetGuid();

            var parts = await store.PutPartsAsync(upload, file);
            var completed = await (await client.CompleteAsync(id, parts)).ShouldBeJsonAsync();

            completed.GetProperty("status").GetString().ShouldBe("ready");
            completed.GetProperty("sizeBytes").GetInt64().ShouldBe(Size);
            var download = await (await client.GetAsync(new Uri($"/api/v1/assets/{id}/download", UriKind.Relative))).ShouldBeJsonAsync();
            var (downloaded, length, response) = await store.DownloadAsync(new Uri(download.GetProperty("url").GetString()!));
            using (response)
            {
                response.StatusCode.ShouldBe(HttpStatusCode.OK);
                length.ShouldBe(Size);
                downloaded.ShouldBe(sha256);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}
