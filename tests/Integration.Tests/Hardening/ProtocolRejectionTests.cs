using System.Net;
using System.Text;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;

namespace MediaVault.Integration.Tests.Hardening;

/// <summary>
/// What a real Kestrel sees before any endpoint (RequestHardening, ADR-050): a path with <c>%00</c> and an
/// <c>Authorization</c> header of bytes that are not ASCII used to get Kestrel's bare 400 without a body; both are
/// problems now, and a garbage bearer token is a 401 whatever its bytes.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class ProtocolRejectionTests(DatabaseProvider provider)
{
    private MediaVaultApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await MediaVaultApi.StartAsync(provider, kestrel: true);

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [TestCase("/api/v1/assets/%00")]
    [TestCase("/api/v1/public/links/abc%00def")]
    [TestCase("/api/v1/%00/assets")]
    [TestCase("/api/v1/public/links/%0A")]
    public async Task Request_WithControlCharacterInPath_Answers400Problem(string path)
    {
        using var client = _api.CreateClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldHaveEveryProblemMember();
    }

    [TestCase(new byte[] { 0xC3, 0xA9, 0xFF, 0x80 })]
    [TestCase(new byte[] { 0xE2, 0x82, 0xAC, 0x41, 0x42 })]
    [TestCase(new byte[] { 0xFE, 0xFF, 0x00, 0x41 })]
    public async Task Request_WithBearerOfNonAsciiBytes_Answers401Problem(byte[] tokenBytes)
    {
        using var client = LatinOneClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(client.BaseAddress!, "/api/v1/me"));
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Encoding.Latin1.GetString(tokenBytes.Where(b => b != 0).ToArray()));

        var response = await client.SendAsync(request);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        problem.ShouldHaveEveryProblemMember();
    }

    [Test]
    public async Task Request_WithNonAsciiBytesInAnotherHeader_IsServedNormally()
    {
        using var client = LatinOneClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(client.BaseAddress!, "/health/live"));
        request.Headers.TryAddWithoutValidation("X-Note", Encoding.Latin1.GetString([0xC3, 0xA9, 0xFF]));

        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task UploadAndDownload_ThroughKestrel_KeepEveryByte()
    {
        // The connection middleware that shapes Kestrel's own rejections sees every byte of every response.
        var bytes = Uploads.RandomBytes(3 * 1024 * 1024 + 17);
        using var client = await OwnerClientAsync();

        var (sha256, length) = await UploadAndDownloadAsync(client, bytes);

        length.ShouldBe(bytes.Length);
        sha256.ShouldBe(Uploads.Sha256Of(bytes));
    }

    [Test]
    public async Task Download_OfAFileThatLooksLikeKestrelsOwnRejection_IsServedByteForByteAndTheConnectionGoesOn()
    {
        var bytes = "HTTP/1.1 400 Bad Request\r\nConnection: close\r\nDate: x\r\nServer: Kestrel\r\nContent-Length: 0\r\n\r\n"u8.ToArray();
        using var client = await OwnerClientAsync();

        var first = await UploadAndDownloadAsync(client, bytes);
        var second = await UploadAndDownloadAsync(client, bytes);

        first.ShouldBe((Uploads.Sha256Of(bytes), (long)bytes.Length));
        second.ShouldBe(first);
        (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<HttpClient> OwnerClientAsync() => _api.ClientFor((await _api.OwnerAsync()).Value);

    private static async Task<(string Sha256, long Length)> UploadAndDownloadAsync(HttpClient client, byte[] bytes)
    {
        var created = await client.RegisterAsync("file.png", "image/png", bytes.Length);
        var upload = created.GetProperty("upload");
        var id = created.GetProperty("asset").GetProperty("id").GetGuid();
        (await client.PutAsync(upload, bytes, urlOverride: Local(upload.GetProperty("url").GetString()!))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.CompleteAsync(id)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var download = await (await client.GetAsync(new Uri($"/api/v1/assets/{id}/download", UriKind.Relative))).ShouldBeJsonAsync();
        var (sha256, length, _) = await client.DownloadAsync(Local(download.GetProperty("url").GetString()!));
        return (sha256, length);
    }

    private static Uri Local(string url) => Accounts.Local(new Uri(url));

    /// <summary>A client that writes header values byte for byte (Latin-1), as a raw socket would, instead of refusing them.</summary>
    private HttpClient LatinOneClient()
    {
        var handler = new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => Encoding.Latin1 };
        return new HttpClient(handler) { BaseAddress = _api.CreateClient().BaseAddress };
    }
}
