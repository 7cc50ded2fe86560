using System.Net;
using System.Net.Http.Json;
using MediaVault.Domain.Users;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Integration.Tests.Identity;

/// <summary>
/// The access token's account check on the hot endpoints, whose check rides with their first statement on PostgreSQL
/// (ADR-084) and runs up front on SQLite: a token issued before its account was disabled, or before its credentials
/// changed, gets <c>401</c> at the next request on each of them, with nothing read for it and nothing written, also
/// when the endpoint answers without reading anything (input refused before the first statement).
/// </summary>
[TestFixture(DatabaseProvider.Postgres)]
[TestFixture(DatabaseProvider.Sqlite)]
public sealed class AccountCheckTests(DatabaseProvider provider)
{
    private MediaVaultApi _api = null!;

    public enum Change
    {
        Disabled,
        CredentialsChanged,
    }

    public static IEnumerable<TestCaseData> Requests()
    {
        foreach (var change in Enum.GetValues<Change>())
        {
            yield return new TestCaseData("GET", "/api/v1/me", change, HttpStatusCode.OK).SetArgDisplayNames("GET /me", change.ToString());
            yield return new TestCaseData("GET", "/api/v1/assets?scope=all", change, HttpStatusCode.OK).SetArgDisplayNames("GET /assets", change.ToString());
            yield return new TestCaseData("GET", "/api/v1/assets?scope=shared&q=photo", change, HttpStatusCode.OK).SetArgDisplayNames("GET /assets?q", change.ToString());
            yield return new TestCaseData("GET", "/api/v1/assets/{asset}", change, HttpStatusCode.OK).SetArgDisplayNames("GET /assets/{id}", change.ToString());
            yield return new TestCaseData("GET", "/api/v1/assets/{asset}/download", change, HttpStatusCode.OK).SetArgDisplayNames("GET /assets/{id}/download", change.ToString());
            yield return new TestCaseData("POST", "/api/v1/assets", change, HttpStatusCode.Created).SetArgDisplayNames("POST /assets", change.ToString());
            yield return new TestCaseData("POST", "/api/v1/assets?invalid", change, HttpStatusCode.BadRequest).SetArgDisplayNames("POST /assets, refused input", change.ToString());
        }
    }

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await MediaVaultApi.StartAsync(provider);

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [TestCaseSource(nameof(Requests))]
    public async Task TokenIssuedBeforeTheChange_Is401AtTheNextRequest_AndNothingIsWritten(string method, string path, Change change, HttpStatusCode before)
    {
        var person = await _api.OwnerAsync();
        var asset = await _api.AssetAsync(person);
        using var client = _api.ClientFor(person.Value);
        var uri = new Uri(path.Replace("{asset}", asset.Id.Value.ToString(), StringComparison.Ordinal), UriKind.Relative);
        (await SendAsync(client, method, uri)).StatusCode.ShouldBe(before);
        var written = await WrittenAsync(person);

        await _api.WithDbAsync(db => change switch
        {
            Change.Disabled => db.Users.Where(u => u.Id == person.Value).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true)),
            _ => db.Users.Where(u => u.Id == person.Value).ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString("N"))),
        });
        using var response = await SendAsync(client, method, uri);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        (await response.Content.ReadAsStringAsync()).ShouldNotContain(asset.Id.Value.ToString());
        (await WrittenAsync(person)).ShouldBe(written);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, Uri uri) => method switch
    {
        "GET" => client.GetAsync(uri),
        _ when uri.OriginalString.EndsWith("?invalid", StringComparison.Ordinal) =>
            client.PostAsJsonAsync(new Uri("/api/v1/assets", UriKind.Relative), new { fileName = "a.png", contentType = "text/plain", sizeBytes = -1 }),
        _ => client.PostAsJsonAsync(uri, new { fileName = "a.png", contentType = "image/png", sizeBytes = 1000, title = "t" }),
    };

    /// <summary>What the person's requests have written so far: assets, reserved bytes and activity lines.</summary>
    private Task<(int Assets, long Reserved, int Activity)> WrittenAsync(UserId person) => _api.WithDbAsync(async db => (
        await db.Assets.CountAsync(a => a.OwnerId == person),
        await db.Owners.Where(o => o.Id == person).Select(o => o.StorageReservedBytes).SingleAsync(),
        await db.Activity.CountAsync(e => e.ActorId == person)));
}
