using System.Net;
using System.Web;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;

namespace MediaVault.Integration.Tests.Storage;

/// <summary>
/// Stored bytes can never run script on the origin that serves them: every response of the embedded store is
/// sandboxed, unsniffable and uncached, and a type a browser executes (SVG, anything XML) is always an attachment,
/// on the embedded store and in the S3 presigned URL alike.
/// </summary>
[TestFixture(DatabaseProvider.Postgres, StorageProvider.S3)]
[TestFixture(DatabaseProvider.Postgres, StorageProvider.FileSystem)]
[TestFixture(DatabaseProvider.Sqlite, StorageProvider.FileSystem)]
public sealed class ServedMediaTests(DatabaseProvider provider, StorageProvider storage) : StoreFixture(provider, storage)
{
    private const string Svg = """<svg xmlns="http://www.w3.org/2000/svg" onload="alert(localStorage.length)"><rect width="1" height="1"/></svg>""";

    [Test]
    public async Task Download_OfSvgAskedInline_IsServedAsAnAttachment()
    {
        using var client = Api.ClientFor((await Api.OwnerAsync()).Value);
        var id = await UploadAsync(client, "drawing.svg", "image/svg+xml", System.Text.Encoding.UTF8.GetBytes(Svg));

        var url = await DownloadUrlAsync(client, id, "inline");

        SignedDisposition(url).ShouldStartWith("attachment;");
        using var response = await Store.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition.ShouldNotBeNull().DispositionType.ShouldBe("attachment");
    }

    [Test]
    public async Task Download_OfPngAskedInline_StaysInline()
    {
        using var client = Api.ClientFor((await Api.OwnerAsync()).Value);
        var id = await UploadAsync(client, "photo.png", "image/png", Uploads.RandomBytes(256));

        var url = await DownloadUrlAsync(client, id, "inline");

        SignedDisposition(url).ShouldStartWith("inline;");
    }

    [Test]
    public async Task Download_ServedBytes_CarryNosniffSandboxAndNoStore()
    {
        using var client = Api.ClientFor((await Api.OwnerAsync()).Value);
        var id = await UploadAsync(client, "photo.png", "image/png", Uploads.RandomBytes(256));
        var url = await DownloadUrlAsync(client, id, "inline");

        using var response = await Store.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        if (Storage == StorageProvider.S3)
        {
            // S3 cannot be told to send the sandboxing headers; the URL asks for a private, uncached response.
            HttpUtility.ParseQueryString(url.Query)["response-cache-control"].ShouldBe("private, no-store");
            return;
        }

        AssertServedMediaHeaders(response);
        using var ranged = new HttpRequestMessage(HttpMethod.Get, url);
        ranged.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 9);
        using var partial = await Store.SendAsync(ranged);
        partial.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        AssertServedMediaHeaders(partial);
    }

    [Test]
    public async Task Download_WithTamperedUrl_IsRefusedWithTheSameHeaders()
    {
        if (Storage == StorageProvider.S3)
        {
            Assert.Ignore("The S3 server's own refusals are its business.");
        }

        using var client = Api.ClientFor((await Api.OwnerAsync()).Value);
        var id = await UploadAsync(client, "photo.png", "image/png", Uploads.RandomBytes(256));
        var url = (await DownloadUrlAsync(client, id, "inline")).ToString().Replace("sig=", "sig=A", StringComparison.Ordinal);

        using var response = await Store.GetAsync(new Uri(url));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        AssertServedMediaHeaders(response);
    }

    private static void AssertServedMediaHeaders(HttpResponseMessage response)
    {
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldBe("sandbox; default-src 'none'");
        response.Headers.CacheControl.ShouldNotBeNull().ToString().ShouldBe("no-store, private");
    }

    private static string SignedDisposition(Uri url) => HttpUtility.ParseQueryString(url.Query)["response-content-disposition"].ShouldNotBeNull();

    private async Task<Guid> UploadAsync(HttpClient client, string fileName, string contentType, byte[] bytes)
    {
        var created = await client.RegisterAsync(fileName, contentType, bytes.Length);
        using (var put = await Store.PutAsync(created.GetProperty("upload"), bytes))
        {
            put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        }

        var id = created.GetProperty("asset").GetProperty("id").GetGuid();
        (await (await client.CompleteAsync(id)).ShouldBeJsonAsync()).GetProperty("status").GetString().ShouldBe("ready");
        return id;
    }

    private static async Task<Uri> DownloadUrlAsync(HttpClient client, Guid id, string disposition)
    {
        var download = await (await client.GetAsync(new Uri($"/api/v1/assets/{id}/download?disposition={disposition}", UriKind.Relative))).ShouldBeJsonAsync();
        return new Uri(download.GetProperty("url").GetString()!);
    }
}
