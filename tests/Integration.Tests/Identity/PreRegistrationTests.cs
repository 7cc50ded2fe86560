using System.Net;
using System.Net.Http.Json;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Integration.Tests.Identity;

/// <summary>
/// Somebody registers an address that is not theirs, with a password of their own: registering it again replaces those
/// credentials and spends every link mailed before, a verification spends the other links too, and an address listed
/// in <c>Admin__Emails</c> becomes admin only through a password reset mailed to it, never by a verification.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class PreRegistrationTests(DatabaseProvider provider)
{
    private const string StrangersPassword = "the stranger's own passphrase";
    private const string OwnersPassword = "the mailbox owner's passphrase";
    private const string NewPassword = "a brand new passphrase";
    private readonly string _adminEmail = Mailbox.NewAddress("admin-reset");
    private readonly string _verifiedAdminEmail = Mailbox.NewAddress("admin-verified");
    private readonly string _strangersAdminEmail = Mailbox.NewAddress("admin-stranger");
    private MediaVaultApi _api = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var settings = Mailbox.SmtpSettings();
        settings["Admin:Emails"] = $"{_adminEmail.ToUpperInvariant()}, {_verifiedAdminEmail}, {_strangersAdminEmail}";
        _api = await MediaVaultApi.StartAsync(provider, overrides: settings);
        _client = _api.CreateClient();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
    }

    [Test]
    public async Task Register_AgainWhileUnverified_ReplacesThePasswordAndTheFirstLinkAnswers400()
    {
        var email = Mailbox.NewAddress("pre-registered");
        (await _client.RegisterAsync(email, StrangersPassword, "Stranger")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var strangersLink = await Accounts.LinkFromMailAsync(email, Accounts.VerificationLinkPrefix);

        (await _client.RegisterAsync(email, OwnersPassword, "Owner")).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var ownersLink = await Accounts.LinkFromMailAsync(email, Accounts.VerificationLinkPrefix, nth: 2);
        Accounts.Query(ownersLink).UserId.ShouldBe(Accounts.Query(strangersLink).UserId);
        var spent = await _client.FollowAsync(strangersLink);
        var problem = await spent.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("token", out _).ShouldBeTrue();
        (await _client.FollowAsync(ownersLink)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var tokens = await _client.SignInAsync(email, OwnersPassword);
        var me = await (await _client.MeAsync(tokens.AccessToken)).ShouldBeJsonAsync();
        me.GetProperty("displayName").GetString().ShouldBe("Owner");
    }

    [Test]
    public async Task Register_OfOneNewAddressFourTimesAtOnce_Answers202ToEachAndCreatesOneAccount()
    {
        var email = Mailbox.NewAddress("parallel");

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => _client.RegisterAsync(email, $"{OwnersPassword} {i}", "Racer")));

        responses.Select(r => r.StatusCode).ShouldAllBe(status => status == HttpStatusCode.Accepted);
        var normalized = email.ToUpperInvariant();
        (await _api.WithDbAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == normalized))).ShouldBe(1);
        var mails = await Mailbox.WaitForAsync(email, 4);
        // Each registration after the first replaced the credentials: one link verifies, then the others are used up.
        var verified = 0;
        foreach (var mail in mails)
        {
            verified += (await _client.FollowAsync(mail.Link(Accounts.VerificationLinkPrefix))).StatusCode == HttpStatusCode.OK ? 1 : 0;
        }

        verified.ShouldBe(1);
    }

    [Test]
    public async Task Verify_ByTheOwnersLinkAfterAStrangersRegistration_DoesNotLetTheStrangersPasswordSignIn()
    {
        var email = Mailbox.NewAddress("victim");
        (await _client.RegisterAsync(email, StrangersPassword, "Stranger")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await _client.RegisterAsync(email, OwnersPassword, "Owner")).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var verified = await _client.FollowAsync(await Accounts.LinkFromMailAsync(email, Accounts.VerificationLinkPrefix, nth: 2));

        verified.StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await _client.LoginAsync(email, StrangersPassword)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await _client.LoginAsync(email, OwnersPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Verify_SpendsAResetLinkMailedBeforeIt()
    {
        var email = Mailbox.NewAddress("verify-rotates");
        (await _client.RegisterAsync(email)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var verificationLink = await Accounts.LinkFromMailAsync(email, Accounts.VerificationLinkPrefix);
        (await ForgotAsync(email)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var (userId, resetToken) = Accounts.Query(await Accounts.LinkFromMailAsync(email, Accounts.ResetLinkPrefix, nth: 2));

        (await _client.FollowAsync(verificationLink)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var reset = await ResetAsync(userId, resetToken, NewPassword);
        var problem = await reset.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("token", out _).ShouldBeTrue();
        (await _client.LoginAsync(email)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Verify_OfAnAddressListedInAdminEmails_DoesNotGiveTheAdminRole()
    {
        await _client.SignUpAsync(_verifiedAdminEmail);
        var tokens = await _client.SignInAsync(_verifiedAdminEmail);

        var me = await (await _client.MeAsync(tokens.AccessToken)).ShouldBeJsonAsync();

        me.GetProperty("roles").GetArrayLength().ShouldBe(0);
        await (await AdminUsersAsync(tokens.AccessToken)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Reset_ThroughTheMailOfAnAddressListedInAdminEmails_GivesTheAdminRole()
    {
        var userId = await _client.SignUpAsync(_adminEmail);
        (await ForgotAsync(_adminEmail)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var (linkUserId, token) = Accounts.Query(await Accounts.LinkFromMailAsync(_adminEmail, Accounts.ResetLinkPrefix, nth: 2));
        linkUserId.ShouldBe(userId);

        (await ResetAsync(userId, token, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var tokens = await _client.SignInAsync(_adminEmail, NewPassword);
        var me = await (await _client.MeAsync(tokens.AccessToken)).ShouldBeJsonAsync();
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["admin"]);
        (await AdminUsersAsync(tokens.AccessToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Register_ByAStrangerOfAnAdminAddressVerifiedByAMailScanner_NeverMakesTheStrangerAdmin()
    {
        (await _client.RegisterAsync(_strangersAdminEmail, StrangersPassword, "Stranger")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        // A mail scanner opens every link of the mail.
        (await _client.FollowAsync(await Accounts.LinkFromMailAsync(_strangersAdminEmail, Accounts.VerificationLinkPrefix))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var tokens = await _client.SignInAsync(_strangersAdminEmail, StrangersPassword);

        var me = await (await _client.MeAsync(tokens.AccessToken)).ShouldBeJsonAsync();
        me.GetProperty("roles").GetArrayLength().ShouldBe(0);
        await (await AdminUsersAsync(tokens.AccessToken)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    private Task<HttpResponseMessage> ForgotAsync(string email) =>
        _client.PostAsJsonAsync(new Uri("/api/v1/auth/forgot-password", UriKind.Relative), new { email });

    private Task<HttpResponseMessage> ResetAsync(Guid userId, string token, string newPassword) =>
        _client.PostAsJsonAsync(new Uri("/api/v1/auth/reset-password", UriKind.Relative), new { userId, token, newPassword });

    private async Task<HttpResponseMessage> AdminUsersAsync(string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/admin/users", UriKind.Relative));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        return await _client.SendAsync(request);
    }
}
