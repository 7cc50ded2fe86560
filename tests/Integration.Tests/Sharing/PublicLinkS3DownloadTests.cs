using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static MediaVault.Integration.Tests.Support.SeedSharing;

namespace MediaVault.Integration.Tests.Sharing;

/// <summary>
/// A download through a public link against the SigV4-checking S3 test server: the presigned URL really fetches the
/// bytes, with the declared content type and file name, and a tampered URL is refused by the store.
/// </summary>
public sealed class PublicLinkS3DownloadTests
{
    private const string FileName = "Été (1) 'best'.jpg";
    private MediaVaultApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await MediaVaultApi.StartAsync(DatabaseProvider.Sqlite, StorageProvider.S3);

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task PublicDownload_WithS3_GivesAPresignedUrlServingTheBytesUnderTheAssetsNameAndType()
    {
        var owner = await _api.AccountAsync();
        var asset = await _api.AssetAsync(owner.Id, FileName, "image/jpeg");
        var bytes = Enumerable.Range(0, 1234).Select(i => (byte)(i % 251)).ToArray();
        await PutAsync(asset.StorageKey, bytes);
        using var client = _api.ClientFor(owner.Value);
        var token = (await client.CreateLinkAsync(asset.Id, new { password = "pw-longer" })).GetProperty("token").GetString();
        using var anonymous = _api.CreateClient();

        var body = await (await anonymous.PostAsync(
            Url($"/api/v1/public/links/{token}/download"), JsonContent("{\"password\":\"pw-longer\"}"))).ShouldBeJsonAsync();

        var url = new Uri(body.GetProperty("url").GetString()!);
        using var http = new HttpClient();
        using var fetched = await http.GetAsync(url);
        fetched.StatusCode.ShouldBe(HttpStatusCode.OK, await fetched.Content.ReadAsStringAsync());
        (await fetched.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
        fetched.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        var disposition = fetched.Content.Headers.ContentDisposition!;
        disposition.DispositionType.ShouldBe("attachment");
        disposition.FileNameStar.ShouldBe(FileName);

        var tampered = new Uri(url.AbsoluteUri.Replace("X-Amz-Signature=", "X-Amz-Signature=0", StringComparison.Ordinal));
        using var refused = await http.GetAsync(tampered);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private async Task PutAsync(string key, byte[] bytes)
    {
        var s3 = _api.Services.GetRequiredService<IAmazonS3>();
        using var stream = new MemoryStream(bytes);
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = TestServers.S3Bucket,
            Key = key,
            InputStream = stream,
            ContentType = "image/jpeg",
            UseChunkEncoding = false,
        });
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
