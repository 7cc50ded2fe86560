using System.Net;
using System.Net.Http.Headers;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;

namespace MediaVault.Integration.Tests.Operations;

/// <summary>
/// Missing, malformed, expired, tampered or unsigned tokens are all a 401 with a problem body; so are well-signed tokens
/// whose account is gone or whose security stamp no longer matches.
/// </summary>
public sealed class AccessTokenTests
{
    private MediaVaultApi _api = null!;
    private Guid _user;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await MediaVaultApi.StartAsync(DatabaseProvider.Sqlite);
        _user = (await _api.OwnerAsync()).Value;
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task ValidToken_IsAccepted()
    {
        var response = await SendAsync(TestTokens.For(_user));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task MissingToken_Is401() => await (await SendAsync(null)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

    [Test]
    public async Task MalformedToken_Is401() => await (await SendAsync("not-a-jwt")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

    [Test]
    public async Task ExpiredToken_Is401() =>
        await (await SendAsync(TestTokens.For(_user, lifetime: TimeSpan.FromMinutes(-5)))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

    [Test]
    public async Task TokenSignedWithAnotherKey_Is401() =>
        await (await SendAsync(TestTokens.For(_user, key: "another-key-that-is-long-enough-0123456789abcdef"))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

    [Test]
    public async Task TokenFromAnotherIssuer_Is401() =>
        await (await SendAsync(TestTokens.For(_user, issuer: "someone-else"))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

    [Test]
    public async Task TamperedToken_Is401()
    {
        var token = TestTokens.For(_user);
        var parts = token.Split('.');
        var payload = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(parts[1]).Replace(_user.ToString(), Guid.NewGuid().ToString(), StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(payload)}.{parts[2]}";
        await (await SendAsync(tampered)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task TokenWithoutSecurityStamp_Is401() =>
        await (await SendAsync(TestTokens.WithoutSecurityStamp(_user))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

    [Test]
    public async Task TokenForAUserThatDoesNotExist_Is401() =>
        await (await SendAsync(TestTokens.For(Guid.NewGuid()))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

    [Test]
    public async Task UnsignedAlgNoneToken_Is401() =>
        await (await SendAsync(TestTokens.AlgNone(_user))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

    private async Task<HttpResponseMessage> SendAsync(string? token)
    {
        using var client = _api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/assets", UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request);
    }
}
