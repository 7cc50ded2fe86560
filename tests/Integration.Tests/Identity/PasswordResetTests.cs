using System.Net;
using System.Net.Http.Json;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;

namespace MediaVault.Integration.Tests.Identity;

/// <summary>Forgot and reset password, with the link from the mail; a reset ends every session.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class PasswordResetTests(DatabaseProvider provider)
{
    private const string NewPassword = "a brand new passphrase";
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

    [TestCase("nobody-{0}@example.com")]
    [TestCase("not an address {0}")]
    public async Task Forgot_ForAddressWithoutAccount_Answers202AndMailsNothing(string pattern)
    {
        var email = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, Guid.NewGuid().ToString("N"));

        var response = await ForgotAsync(email);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await Mailbox.ReadAsync(email)).ShouldBeEmpty();
    }

    [Test]
    public async Task Reset_WithTheMailedLink_Answers204AndEndsEverySession()
    {
        var email = Mailbox.NewAddress("reset");
        var userId = await _client.SignUpAsync(email);
        var laptop = await _client.SignInAsync(email);
        var phone = await _client.SignInAsync(email);

        (await ForgotAsync(email)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var mail = (await Mailbox.WaitForAsync(email, 2))[1];
        mail.Subject.ShouldBe("Reset your MediaVault password");
        var (linkUserId, token) = Accounts.Query(mail.Link(Accounts.ResetLinkPrefix));
        linkUserId.ShouldBe(userId);

        var response = await ResetAsync(userId, token, NewPassword);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await _client.RefreshAsync(laptop.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await _client.RefreshAsync(phone.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await _client.MeAsync(phone.AccessToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await _client.LoginAsync(email)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var fresh = await _client.SignInAsync(email, NewPassword);
        (await _client.MeAsync(fresh.AccessToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Reset_WithAUsedToken_Answers400KeyedToken()
    {
        var email = Mailbox.NewAddress("reset-twice");
        await _client.SignUpAsync(email);
        (await ForgotAsync(email)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var (userId, token) = Accounts.Query(await Accounts.LinkFromMailAsync(email, Accounts.ResetLinkPrefix, nth: 2));
        (await ResetAsync(userId, token, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var again = await ResetAsync(userId, token, "yet another passphrase");

        var problem = await again.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("token", out _).ShouldBeTrue();
        (await _client.LoginAsync(email, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Reset_WithForgedTokenOrUnknownUser_Answers400KeyedToken()
    {
        var email = Mailbox.NewAddress("reset-forged");
        var userId = await _client.SignUpAsync(email);

        foreach (var response in new[] { await ResetAsync(userId, "forged-token", NewPassword), await ResetAsync(Guid.NewGuid(), "forged-token", NewPassword) })
        {
            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            problem.GetProperty("errors").TryGetProperty("token", out _).ShouldBeTrue();
        }

        (await _client.LoginAsync(email)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Reset_WithWeakPassword_Answers400KeyedNewPasswordAndKeepsTheToken()
    {
        var email = Mailbox.NewAddress("reset-weak");
        await _client.SignUpAsync(email);
        (await ForgotAsync(email)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var (userId, token) = Accounts.Query(await Accounts.LinkFromMailAsync(email, Accounts.ResetLinkPrefix, nth: 2));

        var weak = await ResetAsync(userId, token, "short");

        var problem = await weak.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("newPassword", out _).ShouldBeTrue();
        (await ResetAsync(userId, token, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Test]
    public async Task Reset_OfALockedOutAccount_LiftsTheLockout()
    {
        var email = Mailbox.NewAddress("reset-locked");
        await _client.SignUpAsync(email);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await _client.LoginAsync(email, "not the password");
        }

        (await _client.LoginAsync(email)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await ForgotAsync(email)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var (userId, token) = Accounts.Query(await Accounts.LinkFromMailAsync(email, Accounts.ResetLinkPrefix, nth: 2));

        (await ResetAsync(userId, token, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await _client.LoginAsync(email, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private Task<HttpResponseMessage> ForgotAsync(string email) =>
        _client.PostAsJsonAsync(new Uri("/api/v1/auth/forgot-password", UriKind.Relative), new { email });

    private Task<HttpResponseMessage> ResetAsync(Guid userId, string token, string newPassword) =>
        _client.PostAsJsonAsync(new Uri("/api/v1/auth/reset-password", UriKind.Relative), new { userId, token, newPassword });
}
