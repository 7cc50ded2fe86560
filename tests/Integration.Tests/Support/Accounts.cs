using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace MediaVault.Integration.Tests.Support;

/// <summary>A token pair from sign-in or refresh.</summary>
public sealed record SignedIn(string AccessToken, string RefreshToken);

/// <summary>Signs people up and in through the HTTP API and the mail it sends, as a client would.</summary>
public static class Accounts
{
    public const string Password = "correct horse battery staple";

    public const string VerificationLinkPrefix = "http://localhost/api/v1/auth/verify-email?userId=";

    public const string ResetLinkPrefix = "http://localhost/reset-password?userId=";

    public static Task<HttpResponseMessage> RegisterAsync(this HttpClient client, string email, string password = Password, string? displayName = "Test Person") =>
        client.PostAsJsonAsync(Url("/api/v1/auth/register"), new { email, password, displayName });

    public static Task<HttpResponseMessage> LoginAsync(this HttpClient client, string email, string password = Password) =>
        client.PostAsJsonAsync(Url("/api/v1/auth/login"), new { email, password });

    public static Task<HttpResponseMessage> RefreshAsync(this HttpClient client, string refreshToken) =>
        client.PostAsJsonAsync(Url("/api/v1/auth/refresh"), new { refreshToken });

    public static async Task<HttpResponseMessage> MeAsync(this HttpClient client, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url("/api/v1/me"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await client.SendAsync(request);
    }

    /// <summary>The link of the <paramref name="nth"/> mail (1-based) to <paramref name="email"/>.</summary>
    public static async Task<Uri> LinkFromMailAsync(string email, string prefix, int nth = 1)
    {
        var mails = await Mailbox.WaitForAsync(email, nth);
        return mails[nth - 1].Link(prefix);
    }

    /// <summary>Opens a mailed link against the test host: same path and query, the host part rewritten.</summary>
    public static Task<HttpResponseMessage> FollowAsync(this HttpClient client, Uri link) => client.GetAsync(Local(link));

    public static Uri Local(Uri link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return new Uri(link.PathAndQuery, UriKind.Relative);
    }

    /// <summary>The query values of a mailed link (decoded).</summary>
    public static (Guid UserId, string Token) Query(Uri link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var values = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query);
        return (Guid.Parse(values["userId"].ToString()), values["token"].ToString());
    }

    /// <summary>Registers and follows the verification link; returns the new account's id.</summary>
    public static async Task<Guid> SignUpAsync(this HttpClient client, string email, string password = Password)
    {
        (await client.RegisterAsync(email, password)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var link = await LinkFromMailAsync(email, VerificationLinkPrefix);
        var verified = await client.FollowAsync(link);
        verified.StatusCode.ShouldBe(HttpStatusCode.OK, await verified.Content.ReadAsStringAsync());
        return Query(link).UserId;
    }

    public static async Task<SignedIn> SignInAsync(this HttpClient client, string email, string password = Password) =>
        await ReadTokensAsync(await client.LoginAsync(email, password));

    public static async Task<SignedIn> ReadTokensAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.ShouldBeJsonAsync();
        body.GetProperty("tokenType").GetString().ShouldBe("Bearer");
        body.GetProperty("expiresIn").ValueKind.ShouldBe(JsonValueKind.Number);
        return new SignedIn(body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!);
    }

    private static Uri Url(string path) => new(path, UriKind.Relative);
}
