using System.Net;
using System.Net.Http.Json;
using System.Text;
using MediaVault.Application.Assets;
using MediaVault.Application.Common;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;
using MediaVault.WebApi.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static MediaVault.Integration.Tests.Support.SeedSharing;

namespace MediaVault.Integration.Tests.Hardening;

/// <summary>
/// Bodies that are not what a JSON endpoint reads (RequestHardening, ADR-050): not UTF-8 (400, RFC 8259 §8.1), over
/// 1 MiB (413), not JSON at all (415), arrays of any length (one 400 with a capped list of errors). Every answer is a
/// problem with type, title, status and detail, and nothing is stored.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class MalformedBodyTests(DatabaseProvider provider)
{
    private MediaVaultApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await MediaVaultApi.StartAsync(provider);

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task Register_WithBodyThatIsNotUtf8_Answers400Problem()
    {
        using var client = _api.CreateClient();
        var email = SeedAccounts.NewEmail("latin1");

        var response = await client.SendBytesAsync(
            HttpMethod.Post, "/api/v1/auth/register", RawRequests.WithInvalidUtf8($$"""{"email":"{{email}}","password":"{{Accounts.Password}}","displayName":"Pat""", "\"}"));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldHaveEveryProblemMember();
        (await _api.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email))).ShouldBe(0);
    }

    [Test]
    public async Task Register_WithBodyInLatin1_Answers400Problem()
    {
        using var client = _api.CreateClient();
        var email = SeedAccounts.NewEmail("latin1");

        var response = await client.SendBytesAsync(
            HttpMethod.Post,
            "/api/v1/auth/register",
            Encoding.Latin1.GetBytes($$"""{"email":"{{email}}","password":"{{Accounts.Password}}","displayName":"Jérôme"}"""));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldHaveEveryProblemMember();
    }

    [Test]
    public async Task CreateAsset_WithBodyThatIsNotUtf8_Answers400ProblemAndReservesNothing()
    {
        var owner = await _api.OwnerAsync();
        using var client = _api.ClientFor(owner.Value);

        var response = await client.SendBytesAsync(
            HttpMethod.Post, "/api/v1/assets", RawRequests.WithInvalidUtf8("""{"fileName":"photo""", """.png","contentType":"image/png","sizeBytes":100}"""));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldHaveEveryProblemMember();
        (await _api.WithDbAsync(db => db.Assets.CountAsync(a => a.OwnerId == owner))).ShouldBe(0);
        (await _api.OwnerStateAsync(owner)).StorageReservedBytes.ShouldBe(0);
    }

    [Test]
    public async Task UpdateAsset_WithBodyThatIsNotUtf8_Answers400ProblemAndChangesNothing()
    {
        var owner = await _api.OwnerAsync();
        var asset = await _api.AssetAsync(owner, title: "unchanged");
        using var client = _api.ClientFor(owner.Value);

        var response = await client.SendBytesAsync(HttpMethod.Patch, $"/api/v1/assets/{asset.Id}", RawRequests.WithInvalidUtf8("""{"title":"new""", "\"}"));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldHaveEveryProblemMember();
        (await _api.WithDbAsync(db => db.Assets.AsNoTracking().Where(a => a.Id == asset.Id).Select(a => a.Title).SingleAsync())).ShouldBe("unchanged");
    }

    [Test]
    public async Task CreateGrant_WithBodyThatIsNotUtf8_Answers400ProblemAndGrantsNothing()
    {
        var owner = await _api.OwnerAsync();
        var asset = await _api.AssetAsync(owner);
        var grantee = await _api.AccountAsync();
        using var client = _api.ClientFor(owner.Value);

        var response = await client.SendBytesAsync(
            HttpMethod.Post, $"/api/v1/assets/{asset.Id}/grants", RawRequests.WithInvalidUtf8($$"""{"granteeEmail":"{{grantee.Email}}","role":"viewer""", "}"));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldHaveEveryProblemMember();
        (await _api.WithDbAsync(db => db.Grants.CountAsync(g => g.AssetId == asset.Id))).ShouldBe(0);
    }

    [Test]
    public async Task CreateAsset_WithBodyOverOneMebibyte_Answers413Problem()
    {
        var owner = await _api.OwnerAsync();
        using var client = _api.ClientFor(owner.Value);
        var body = $$"""{"fileName":"big.png","contentType":"image/png","sizeBytes":100,"description":"{{new string('x', RequestHardening.MaxJsonBodyBytes)}}"}""";

        var response = await client.SendJsonTextAsync(HttpMethod.Post, "/api/v1/assets", body);

        (await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge)).ShouldHaveEveryProblemMember();
        (await _api.WithDbAsync(db => db.Assets.CountAsync(a => a.OwnerId == owner))).ShouldBe(0);
    }

    [Test]
    public async Task CreateAsset_WithStreamedBodyOverOneMebibyteAndNoLength_Answers413Problem()
    {
        using var client = _api.ClientFor((await _api.OwnerAsync()).Value);
        var bytes = Encoding.UTF8.GetBytes($$"""{"fileName":"big.png","contentType":"image/png","sizeBytes":100,"title":"{{new string('x', 2 * RequestHardening.MaxJsonBodyBytes)}}"}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, Url("/api/v1/assets")) { Content = new StreamContent(new MemoryStream(bytes)) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request);

        (await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge)).ShouldHaveEveryProblemMember();
    }

    [TestCase("text/plain")]
    [TestCase("application/x-www-form-urlencoded")]
    [TestCase("application/xml")]
    [TestCase("application/json; charset=utf-16")]
    public async Task CreateAsset_WithContentTypeThatIsNotJson_Answers415Problem(string contentType)
    {
        using var client = _api.ClientFor((await _api.OwnerAsync()).Value);

        var response = await client.SendBytesAsync(
            HttpMethod.Post, "/api/v1/assets", Encoding.UTF8.GetBytes("""{"fileName":"photo.png","contentType":"image/png","sizeBytes":100}"""), contentType);

        (await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType)).ShouldHaveEveryProblemMember();
    }

    [Test]
    public async Task Login_WithContentTypeThatIsNotJson_Answers415Problem()
    {
        using var client = _api.CreateClient();

        var response = await client.SendBytesAsync(HttpMethod.Post, "/api/v1/auth/login", Encoding.UTF8.GetBytes("email=a@example.com&password=x"), "application/x-www-form-urlencoded");

        (await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType)).ShouldHaveEveryProblemMember();
    }

    [Test]
    public async Task CreateAsset_WithAMillionTags_Answers413ProblemAndStoresNothing()
    {
        var owner = await _api.OwnerAsync();
        using var client = _api.ClientFor(owner.Value);
        var tags = string.Join(',', Enumerable.Repeat("\"t\"", 1_000_000));

        var response = await client.SendJsonTextAsync(HttpMethod.Post, "/api/v1/assets", $$"""{"fileName":"a.png","contentType":"image/png","sizeBytes":100,"tags":[{{tags}}]}""");

        (await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge)).ShouldHaveEveryProblemMember();
        (await _api.WithDbAsync(db => db.Assets.CountAsync(a => a.OwnerId == owner))).ShouldBe(0);
    }

    [Test]
    public async Task CreateAsset_WithAHundredThousandTagsUnderTheBodyLimit_Answers400WithOneError()
    {
        using var client = _api.ClientFor((await _api.OwnerAsync()).Value);
        var tags = string.Join(',', Enumerable.Repeat("\"\"", 100_000));

        var response = await client.SendJsonTextAsync(HttpMethod.Post, "/api/v1/assets", $$"""{"fileName":"a.png","contentType":"image/png","sizeBytes":100,"tags":[{{tags}}]}""");

        var problem = await response.ShouldBeValidationProblemAsync("tags");
        problem.GetProperty("errors").GetProperty("tags").GetArrayLength().ShouldBe(1);
    }

    [Test]
    public async Task UpdateAsset_WithAHundredThousandTagsUnderTheBodyLimit_Answers400WithOneError()
    {
        var owner = await _api.OwnerAsync();
        var asset = await _api.AssetAsync(owner);
        using var client = _api.ClientFor(owner.Value);
        var tags = string.Join(',', Enumerable.Repeat("null", 100_000));

        var response = await client.SendJsonTextAsync(HttpMethod.Patch, $"/api/v1/assets/{asset.Id}", $$"""{"tags":[{{tags}}]}""");

        var problem = await response.ShouldBeValidationProblemAsync("tags");
        problem.GetProperty("errors").GetProperty("tags").GetArrayLength().ShouldBe(1);
    }

    [Test]
    public async Task CompleteUpload_WithAHundredThousandParts_Answers400WithOneError()
    {
        var (client, assetId) = await MultipartUploadAsync();
        using var _ = client;
        var parts = string.Join(',', Enumerable.Repeat("{}", 100_000));

        var response = await client.SendJsonTextAsync(HttpMethod.Post, $"/api/v1/assets/{assetId}/complete", $$"""{"parts":[{{parts}}]}""");

        var problem = await response.ShouldBeValidationProblemAsync("parts");
        problem.GetProperty("errors").GetProperty("parts").GetArrayLength().ShouldBe(1);
    }

    [Test]
    public async Task CompleteUpload_WithAHundredThousandFullPartsOverTheBodyLimit_Answers413()
    {
        var (client, assetId) = await MultipartUploadAsync();
        using var _ = client;
        var parts = string.Join(',', Enumerable.Range(1, 100_000).Select(n => $$"""{"partNumber":{{n}},"etag":"\"e{{n}}\""}"""));

        var response = await client.SendJsonTextAsync(HttpMethod.Post, $"/api/v1/assets/{assetId}/complete", $$"""{"parts":[{{parts}}]}""");

        (await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge)).ShouldHaveEveryProblemMember();
    }

    [Test]
    public async Task CompleteUpload_WithThousandsOfBadParts_ListsAtMostTheCappedNumberOfErrorsAndSaysSo()
    {
        var (client, assetId) = await MultipartUploadAsync();
        using var _ = client;
        var parts = string.Join(',', Enumerable.Repeat("""{"partNumber":0,"etag":""}""", AssetSettings.MaximumPartCount));

        var response = await client.SendJsonTextAsync(HttpMethod.Post, $"/api/v1/assets/{assetId}/complete", $$"""{"parts":[{{parts}}]}""");

        var problem = await response.ShouldBeValidationProblemAsync("parts");
        problem.GetProperty("errors").EnumerateObject().Sum(e => e.Value.GetArrayLength()).ShouldBeLessThanOrEqualTo(Validation.MaxErrors);
        problem.GetProperty("detail").GetString()!.ShouldContain($"first {Validation.MaxErrors}");
    }

    [Test]
    public async Task CreateAsset_WithManyInvalidFields_AnswersEveryProblemMemberAndNamesEachField()
    {
        using var client = _api.ClientFor((await _api.OwnerAsync()).Value);

        var response = await client.PostAsJsonAsync(Url("/api/v1/assets"), new { fileName = "", contentType = "text/html", sizeBytes = -1, sha256 = "zz", title = new string('t', 201) });

        var problem = await response.ShouldBeValidationProblemAsync("fileName");
        foreach (var field in new[] { "contentType", "sizeBytes", "sha256", "title" })
        {
            problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(field);
        }

        problem.GetProperty("type").GetString().ShouldEndWith("validation");
    }

    [TestCase("""{"fileName":"a.png","contentType":"image/png","sizeBytes":"many"}""")]
    [TestCase("""{"fileName":"a.png","contentType":"image/png","sizeBytes":1e400}""")]
    [TestCase("""{"fileName":"a.png","contentType":"image/png","sizeBytes":99999999999999999999999}""")]
    [TestCase("""{"fileName":"a.png","contentType":"image/png","sizeBytes":100""")]
    [TestCase("""[1,2,3]""")]
    [TestCase("""null""")]
    [TestCase("""{"fileName":{"nested":true},"contentType":"image/png","sizeBytes":100}""")]
    public async Task CreateAsset_WithBodyThatDoesNotFitTheOperation_Answers400ProblemWithEveryMember(string body)
    {
        using var client = _api.ClientFor((await _api.OwnerAsync()).Value);

        var response = await client.SendJsonTextAsync(HttpMethod.Post, "/api/v1/assets", body);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldHaveEveryProblemMember();
    }

    [Test]
    public async Task Login_WithMissingFields_Answers400ProblemWithEveryMember()
    {
        using var client = _api.CreateClient();

        var response = await client.SendJsonTextAsync(HttpMethod.Post, "/api/v1/auth/login", "{}");

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldHaveEveryProblemMember();
    }

    private async Task<(HttpClient Client, Guid AssetId)> MultipartUploadAsync()
    {
        var client = _api.ClientFor((await _api.OwnerAsync()).Value);
        var created = await client.RegisterAsync("film.mp4", "video/mp4", 100L * 1024 * 1024);
        created.GetProperty("upload").GetProperty("method").GetString().ShouldBe("MULTIPART");
        return (client, created.GetProperty("asset").GetProperty("id").GetGuid());
    }
}
