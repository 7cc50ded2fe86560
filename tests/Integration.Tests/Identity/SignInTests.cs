using System.Net;
using System.Net.Http.Json;
using MediaVault.Application.Identity.Sessions;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Integration.Tests.Identity;

/// <summary>Login, lockout, access tokens that stop working, refresh rotation with reuse detection, logout, /me.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class SignInTests(DatabaseProvider provider)
{
    private MediaVaultApi _api = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await MediaVaultApi.StartAsync(provider, overrides: Mailbox.SmtpSettings());
        _client = _api.CreateClient();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
    }

    [Test]
    public async Task Login_WithRightPassword_Answers200WithATokenPairThatWorks()
    {
        var email = Mailbox.NewAddress("login");
        var userId = await _client.SignUpAsync(email);

        var response = await _client.LoginAsync(email.ToUpperInvariant());

        var body = await response.ShouldBeJsonAsync();
        body.GetProperty("tokenType").GetString().ShouldBe("Bearer");
        body.GetProperty("expiresIn").GetInt32().ShouldBe(15 * 60);
        var me = await (await _client.MeAsync(body.GetProperty("accessToken").GetString()!)).ShouldBeJsonAsync();
        me.GetProperty("id").GetGuid().ShouldBe(userId);
    }

    [Test]
    public async Task Login_WithWrongPasswordOrUnknownAddress_Answers401WithTheSameBody()
    {
        var email = Mailbox.NewAddress("wrong");
        await _client.SignUpAsync(email);

        var wrongPassword = await (await _client.LoginAsync(email, "not the password")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var unknownAddress = await (await _client.LoginAsync(Mailbox.NewAddress("nobody"))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        wrongPassword.GetProperty("detail").GetString().ShouldBe(unknownAddress.GetProperty("detail").GetString());
        wrongPassword.GetProperty("type").GetString().ShouldBe(unknownAddress.GetProperty("type").GetString());
    }

    [Test]
    public async Task Login_WithoutPassword_Answers400KeyedPassword()
    {
        var problem = await (await _client.LoginAsync(Mailbox.NewAddress("empty"), "")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("errors").TryGetProperty("password", out _).ShouldBeTrue();
    }

    [Test]
    public async Task Login_BeforeVerification_Answers403EmailNotVerified()
    {
        var email = Mailbox.NewAddress("unverified");
        (await _client.RegisterAsync(email)).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var problem = await (await _client.LoginAsync(email)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        problem.GetProperty("type").GetString().ShouldEndWith("email-not-verified");
    }

    [Test]
    public async Task Login_OfDisabledAccount_Answers403AccountDisabled()
    {
        var email = Mailbox.NewAddress("disabled-login");
        var userId = await _client.SignUpAsync(email);
        await DisableAsync(userId);

        var problem = await (await _client.LoginAsync(email)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        problem.GetProperty("type").GetString().ShouldEndWith("account-disabled");
        await (await _client.LoginAsync(email, "not the password")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Login_AfterFiveWrongPasswords_Answers429WithRetryAfterEvenForTheRightPassword()
    {
        var email = Mailbox.NewAddress("lockout");
        await _client.SignUpAsync(email);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await (await _client.LoginAsync(email, "not the password")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        }

        var fifth = await _client.LoginAsync(email, "not the password");
        var withRightPassword = await _client.LoginAsync(email);

        foreach (var response in new[] { fifth, withRightPassword })
        {
            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
            problem.GetProperty("type").GetString().ShouldEndWith("too-many-requests");
            var retryAfter = response.Headers.RetryAfter?.Delta ?? throw new AssertionException("Retry-After is missing.");
            retryAfter.ShouldBeInRange(TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        }
    }

    [Test]
    public async Task Login_AfterFewerWrongPasswordsThanTheLimit_StillSucceedsAndStartsTheCountAgain()
    {
        var email = Mailbox.NewAddress("almost-locked");
        await _client.SignUpAsync(email);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await (await _client.LoginAsync(email, "not the password")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        }

        (await _client.LoginAsync(email)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await _client.LoginAsync(email, "not the password")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await _client.LoginAsync(email)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task AccessToken_OfAnAccountDisabledAfterSignIn_Answers401AtOnce()
    {
        var email = Mailbox.NewAddress("disabled-token");
        var userId = await _client.SignUpAsync(email);
        var tokens = await _client.SignInAsync(email);
        (await _client.MeAsync(tokens.AccessToken)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await DisableAsync(userId);

        await (await _client.MeAsync(tokens.AccessToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await _client.RefreshAsync(tokens.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Me_WithoutToken_Answers401()
    {
        using var anonymous = _api.CreateClient();

        await (await anonymous.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Refresh_WithCurrentToken_Answers200WithANewPairAndSpendsTheOldToken()
    {
        var email = Mailbox.NewAddress("refresh");
        await _client.SignUpAsync(email);
        var first = await _client.SignInAsync(email);

        var second = await Accounts.ReadTokensAsync(await _client.RefreshAsync(first.RefreshToken));

        second.RefreshToken.ShouldNotBe(first.RefreshToken);
        (await _client.MeAsync(second.AccessToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var spentAt = await _api.WithDbAsync(db =>
        {
            var hash = RefreshTokenSecret.Hash(first.RefreshToken);
            return db.RefreshTokens.Where(t => t.TokenHash == hash).Select(t => t.SpentAt).SingleAsync();
        });
        spentAt.ShouldNotBeNull();
        var third = await Accounts.ReadTokensAsync(await _client.RefreshAsync(second.RefreshToken));
        third.RefreshToken.ShouldNotBe(second.RefreshToken);
    }

    [Test]
    public async Task Refresh_WithASpentToken_Answers401AndRevokesTheWholeFamily()
    {
        var email = Mailbox.NewAddress("replay");
        await _client.SignUpAsync(email);
        var stolen = await _client.SignInAsync(email);
        var rotated = await Accounts.ReadTokensAsync(await _client.RefreshAsync(stolen.RefreshToken));
        var otherSession = await _client.SignInAsync(email);

        var replay = await _client.RefreshAsync(stolen.RefreshToken);

        await replay.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await _client.RefreshAsync(rotated.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await _client.RefreshAsync(otherSession.RefreshToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Refresh_WithUnknownOrMissingToken_Answers401Or400()
    {
        await (await _client.RefreshAsync("not-a-token-this-server-issued")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await _client.RefreshAsync(new string('x', 5000))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var missing = await (await _client.RefreshAsync("")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        missing.GetProperty("errors").TryGetProperty("refreshToken", out _).ShouldBeTrue();
    }

    [Test]
    public async Task RefreshTokens_AreStoredOnlyAsHashes()
    {
        var email = Mailbox.NewAddress("hashed");
        var userId = await _client.SignUpAsync(email);
        var tokens = await _client.SignInAsync(email);

        var stored = await _api.WithDbAsync(db => db.RefreshTokens.Where(t => t.UserId == new Domain.Users.UserId(userId)).Select(t => t.TokenHash).ToListAsync());

        stored.ShouldBe([RefreshTokenSecret.Hash(tokens.RefreshToken)]);
        Convert.FromBase64String(tokens.RefreshToken.Replace('-', '+').Replace('_', '/') + "=").Length.ShouldBe(32);
    }

    [Test]
    public async Task Logout_Answers204AndTheRefreshTokenStopsWorking()
    {
        var email = Mailbox.NewAddress("logout");
        await _client.SignUpAsync(email);
        var tokens = await _client.SignInAsync(email);
        var rotated = await Accounts.ReadTokensAsync(await _client.RefreshAsync(tokens.RefreshToken));

        var response = await _client.PostAsJsonAsync(new Uri("/api/v1/auth/logout", UriKind.Relative), new { refreshToken = rotated.RefreshToken });

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await _client.RefreshAsync(rotated.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var again = await _client.PostAsJsonAsync(new Uri("/api/v1/auth/logout", UriKind.Relative), new { refreshToken = rotated.RefreshToken });
        again.StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    private Task<int> DisableAsync(Guid userId) =>
        _api.WithDbAsync(db => db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true)));
}
