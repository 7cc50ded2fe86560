using System.Net;
using System.Net.Http.Json;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Integration.Tests.Identity;

/// <summary>Register, verify the address from the mail (through the real SMTP server), resend: the sign-up half of Identity.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class SignUpTests(DatabaseProvider provider)
{
    private const long Quota = 123_456_789;
    private MediaVaultApi _api = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var settings = Mailbox.SmtpSettings();
        settings["Assets:DefaultQuotaBytes"] = Quota.ToString(System.Globalization.CultureInfo.InvariantCulture);
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
    public async Task Register_WithNewAddress_Answers202AndMailsALinkThatVerifiesWhenOpened()
    {
        var email = Mailbox.NewAddress("new");

        var response = await _client.RegisterAsync(email);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var mail = (await Mailbox.WaitForAsync(email)).Single();
        var link = mail.Link(Accounts.VerificationLinkPrefix);
        var userId = await _api.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        link.GetLeftPart(UriPartial.Path).ShouldBe("http://localhost/api/v1/auth/verify-email");
        Accounts.Query(link).UserId.ShouldBe(userId);
        mail.Html.ShouldNotBeNull().ShouldContain("verify-email");
        (await _client.LoginAsync(email)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var verified = await (await _client.FollowAsync(link)).ShouldBeJsonAsync();

        verified.GetProperty("emailVerified").GetBoolean().ShouldBeTrue();
        (await _client.LoginAsync(email)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Register_CreatesTheOwnerWithTheConfiguredDefaultQuota()
    {
        var email = Mailbox.NewAddress("quota");
        var userId = await _client.SignUpAsync(email);
        var tokens = await _client.SignInAsync(email);

        var me = await (await _client.MeAsync(tokens.AccessToken)).ShouldBeJsonAsync();

        me.GetProperty("id").GetGuid().ShouldBe(userId);
        me.GetProperty("email").GetString().ShouldBe(email);
        me.GetProperty("displayName").GetString().ShouldBe("Test Person");
        me.GetProperty("emailVerified").GetBoolean().ShouldBeTrue();
        me.GetProperty("roles").GetArrayLength().ShouldBe(0);
        me.GetProperty("storageUsedBytes").GetInt64().ShouldBe(0);
        me.GetProperty("storageQuotaBytes").GetInt64().ShouldBe(Quota);
        me.GetProperty("createdAt").GetDateTimeOffset().ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Test]
    public async Task Register_WithVerifiedAddress_Answers202CreatesNoSecondAccountAndMailsANotice()
    {
        var email = Mailbox.NewAddress("twice");
        await _client.SignUpAsync(email);

        var again = await _client.RegisterAsync(email.ToUpperInvariant(), "another password 123", "Impostor");

        again.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var mails = await Mailbox.WaitForAsync(email, 2);
        mails[1].Subject.ShouldBe("You already have a MediaVault account");
        mails[1].Text.ShouldNotContain("http");
        (await AccountsWithAsync(email)).ShouldBe(1);
        (await _client.LoginAsync(email, "another password 123")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _client.LoginAsync(email)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Register_WithUnverifiedAddress_Answers202AndMailsAFreshLink()
    {
        var email = Mailbox.NewAddress("unverified-twice");
        (await _client.RegisterAsync(email)).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        (await _client.RegisterAsync(email)).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var link = await Accounts.LinkFromMailAsync(email, Accounts.VerificationLinkPrefix, nth: 2);
        (await _client.FollowAsync(link)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AccountsWithAsync(email)).ShouldBe(1);
    }

    [TestCase("not-an-email", Accounts.Password, "Name", "email")]
    [TestCase("", Accounts.Password, "Name", "email")]
    [TestCase("valid@example.com", "short", "Name", "password")]
    [TestCase("valid@example.com", "", "Name", "password")]
    [TestCase("valid@example.com", Accounts.Password, "   ", "displayName")]
    public async Task Register_WithInvalidField_Answers400KeyedByField(string email, string password, string displayName, string field)
    {
        var response = await _client.RegisterAsync(email, password, displayName);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
    }

    [Test]
    public async Task Register_WithPasswordOver128Characters_Answers400KeyedPassword()
    {
        var response = await _client.RegisterAsync(Mailbox.NewAddress("long"), new string('x', 129));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("password", out _).ShouldBeTrue();
    }

    [Test]
    public async Task VerifyLink_OpenedASecondTime_Answers400()
    {
        var email = Mailbox.NewAddress("used-link");
        (await _client.RegisterAsync(email)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var link = await Accounts.LinkFromMailAsync(email, Accounts.VerificationLinkPrefix);
        (await _client.FollowAsync(link)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var again = await _client.FollowAsync(link);

        var problem = await again.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("token", out _).ShouldBeTrue();
    }

    [Test]
    public async Task VerifyLink_OpenedInABrowser_AnswersAnHtmlPageThatLeaksNoReferrer()
    {
        var email = Mailbox.NewAddress("browser");
        (await _client.RegisterAsync(email)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var link = await Accounts.LinkFromMailAsync(email, Accounts.VerificationLinkPrefix);
        using var request = new HttpRequestMessage(HttpMethod.Get, Accounts.Local(link));
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        var response = await _client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/html");
        (await response.Content.ReadAsStringAsync()).ShouldContain("verified");
        response.Headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"]);
        (await _client.LoginAsync(email)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task VerifyPost_WithTheMailedToken_Answers204()
    {
        var email = Mailbox.NewAddress("post-verify");
        (await _client.RegisterAsync(email)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var (userId, token) = Accounts.Query(await Accounts.LinkFromMailAsync(email, Accounts.VerificationLinkPrefix));

        var response = await _client.PostAsJsonAsync(Url("/api/v1/auth/verify-email"), new { userId, token });

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _client.LoginAsync(email)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var reused = await _client.PostAsJsonAsync(Url("/api/v1/auth/verify-email"), new { userId, token });
        await reused.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task VerifyPost_WithForgedToken_Answers400KeyedToken()
    {
        var email = Mailbox.NewAddress("forged");
        (await _client.RegisterAsync(email)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var (userId, token) = Accounts.Query(await Accounts.LinkFromMailAsync(email, Accounts.VerificationLinkPrefix));
        var forged = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        var response = await _client.PostAsJsonAsync(Url("/api/v1/auth/verify-email"), new { userId, token = forged });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("token", out _).ShouldBeTrue();
        (await _client.LoginAsync(email)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task VerifyPost_WithAnotherUsersToken_Answers400()
    {
        var first = Mailbox.NewAddress("first");
        var second = Mailbox.NewAddress("second");
        (await _client.RegisterAsync(first)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await _client.RegisterAsync(second)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var (_, firstToken) = Accounts.Query(await Accounts.LinkFromMailAsync(first, Accounts.VerificationLinkPrefix));
        var (secondId, _) = Accounts.Query(await Accounts.LinkFromMailAsync(second, Accounts.VerificationLinkPrefix));

        var response = await _client.PostAsJsonAsync(Url("/api/v1/auth/verify-email"), new { userId = secondId, token = firstToken });

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task VerifyLink_ForUnknownUserOrWithoutToken_Answers400()
    {
        await (await _client.GetAsync(Url($"/api/v1/auth/verify-email?userId={Guid.NewGuid()}&token=abc"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await _client.GetAsync(Url($"/api/v1/auth/verify-email?userId={Guid.NewGuid()}"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await _client.GetAsync(Url("/api/v1/auth/verify-email?userId=not-a-guid&token=abc"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Resend_ForUnverifiedAccount_Answers202AndMailsALinkThatWorks()
    {
        var email = Mailbox.NewAddress("resend");
        (await _client.RegisterAsync(email)).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var response = await _client.PostAsJsonAsync(Url("/api/v1/auth/resend-verification"), new { email });

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var link = await Accounts.LinkFromMailAsync(email, Accounts.VerificationLinkPrefix, nth: 2);
        (await _client.FollowAsync(link)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [TestCase("nobody-{0}@example.com")]
    [TestCase("not an address {0}")]
    public async Task Resend_ForAddressWithoutAccount_Answers202AndMailsNothing(string pattern)
    {
        var email = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, Guid.NewGuid().ToString("N"));

        var response = await _client.PostAsJsonAsync(Url("/api/v1/auth/resend-verification"), new { email });

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await Mailbox.ReadAsync(email)).ShouldBeEmpty();
    }

    [Test]
    public async Task AuthAnswers_AreNeverCached()
    {
        var response = await _client.LoginAsync(Mailbox.NewAddress("cache"));

        response.Headers.CacheControl?.NoStore.ShouldBeTrue();
    }

    [Test]
    public async Task OpenApi_DocumentsTheIdentityOperationsWithSummaries()
    {
        var document = await (await _client.GetAsync(Url("/swagger/v1/swagger.json"))).ShouldBeJsonAsync();

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => o.Value))
            .ToDictionary(o => o.GetProperty("operationId").GetString()!, o => o.TryGetProperty("summary", out var summary) ? summary.GetString() : null);
        string[] expected = ["Auth_Register", "Auth_VerifyEmailLink", "Auth_VerifyEmail", "Auth_ResendVerification", "Auth_Login",
            "Auth_Refresh", "Auth_Logout", "Auth_ForgotPassword", "Auth_ResetPassword", "Me_Get"];
        expected.ShouldBeSubsetOf(operations.Keys);
        expected.Where(id => string.IsNullOrEmpty(operations[id])).ShouldBeEmpty();
    }

    private Task<int> AccountsWithAsync(string email)
    {
        var normalized = email.ToUpperInvariant();
        return _api.WithDbAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == normalized));
    }

    private static Uri Url(string path) => new(path, UriKind.Relative);
}
