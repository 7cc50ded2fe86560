using System.Net;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Integration.Tests.Identity;

/// <summary>
/// Two instances over one PostgreSQL database, each with a data folder of its own: e-mailed links, lockout and
/// sessions do not depend on which instance answers.
/// </summary>
public sealed class MultiInstanceTests
{
    private MediaVaultApi _first = null!;
    private MediaVaultApi _second = null!;
    private HttpClient _one = null!;
    private HttpClient _two = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _first = await MediaVaultApi.StartAsync(DatabaseProvider.Postgres, overrides: Mailbox.SmtpSettings());
        _second = await MediaVaultApi.StartSiblingAsync(_first);
        _one = _first.CreateClient();
        _two = _second.CreateClient();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _one.Dispose();
        _two.Dispose();
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    [Test]
    public async Task VerificationLink_MailedByOneInstance_WorksOnTheOther()
    {
        var email = Mailbox.NewAddress("two-instances");
        (await _one.RegisterAsync(email)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var link = await Accounts.LinkFromMailAsync(email, Accounts.VerificationLinkPrefix);

        var response = await _two.FollowAsync(link);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await _first.WithDbAsync(db => db.DataProtectionKeys.CountAsync())).ShouldBeGreaterThan(0);
    }

    [Test]
    public async Task Lockout_ReachedOnOneInstance_HoldsOnTheOther()
    {
        var email = Mailbox.NewAddress("lockout-shared");
        await _one.SignUpAsync(email);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await (attempt % 2 == 0 ? _one : _two).LoginAsync(email, "not the password");
        }

        (await _one.LoginAsync(email)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await _two.LoginAsync(email)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Test]
    public async Task Session_StartedOnOneInstance_IsRefreshedAndGuardedOnTheOther()
    {
        var email = Mailbox.NewAddress("session-shared");
        await _one.SignUpAsync(email);
        var first = await _one.SignInAsync(email);

        var second = await Accounts.ReadTokensAsync(await _two.RefreshAsync(first.RefreshToken));

        (await _one.MeAsync(second.AccessToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await _one.RefreshAsync(first.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await _two.RefreshAsync(second.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }
}
