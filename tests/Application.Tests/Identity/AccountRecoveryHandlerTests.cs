using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Identity;
using MediaVault.Application.Identity.ForgotPassword;
using MediaVault.Application.Identity.Logout;
using MediaVault.Application.Identity.ResendVerification;
using MediaVault.Application.Identity.ResetPassword;
using MediaVault.Application.Identity.Sessions;
using MediaVault.Application.Identity.VerifyEmail;
using MediaVault.Domain.Users;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static MediaVault.Application.Tests.Identity.IdentityFixtures;

namespace MediaVault.Application.Tests.Identity;

/// <summary>Verification, resend, forgot and reset password, logout.</summary>
public sealed class AccountRecoveryHandlerTests
{
    private Mock<IIdentityService> _identity = null!;
    private Mock<IRefreshTokenStore> _store = null!;
    private Mock<IEmailSender> _email = null!;
    private List<EmailMessage> _sent = null!;
    private FakeTimeProvider _clock = null!;

    [SetUp]
    public void SetUp()
    {
        _identity = new Mock<IIdentityService>();
        _store = new Mock<IRefreshTokenStore>();
        _email = new Mock<IEmailSender>();
        _sent = [];
        _email.Setup(e => e.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>()))
            .Callback<EmailMessage, CancellationToken>((message, _) => _sent.Add(message))
            .Returns(Task.CompletedTask);
        _clock = new FakeTimeProvider(Now);
    }

    [Test]
    public async Task Verify_WithValidToken_ConfirmsTheAddress()
    {
        var account = Known(AnAccount(verified: false));
        _identity.Setup(i => i.ConfirmEmailAsync(account.Id, "token", It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var result = await new VerifyEmailHandler(_identity.Object).HandleAsync(new VerifyEmailCommand(account.Id.Value, "token"), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        _identity.Verify(i => i.AddToRoleAsync(It.IsAny<UserId>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Verify_OfAnAlreadyVerifiedAddress_IsInvalidTokenAsAUsedLink()
    {
        var account = Known(AnAccount(verified: true));

        var result = await new VerifyEmailHandler(_identity.Object).HandleAsync(new VerifyEmailCommand(account.Id.Value, "token"), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ValidationErrors.Select(e => e.Identifier).ShouldBe(["token"]);
        _identity.Verify(i => i.ConfirmEmailAsync(It.IsAny<UserId>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Verify_WithRejectedTokenOrUnknownUser_IsInvalidToken()
    {
        var account = Known(AnAccount(verified: false));
        var handler = new VerifyEmailHandler(_identity.Object);

        var rejected = await handler.HandleAsync(new VerifyEmailCommand(account.Id.Value, "forged"), CancellationToken.None);
        var unknown = await handler.HandleAsync(new VerifyEmailCommand(Guid.NewGuid(), "token"), CancellationToken.None);

        rejected.ValidationErrors.Select(e => e.Identifier).ShouldBe(["token"]);
        unknown.ValidationErrors.Select(e => e.Identifier).ShouldBe(["token"]);
        unknown.ValidationErrors.Single().ErrorMessage.ShouldBe(rejected.ValidationErrors.Single().ErrorMessage);
    }

    [Test]
    public async Task Verify_OfAnAddressListedAsAdmin_DoesNotGiveTheAdminRole()
    {
        var account = Known(AnAccount(AdminEmail, verified: false));
        _identity.Setup(i => i.ConfirmEmailAsync(account.Id, "token", It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var result = await new VerifyEmailHandler(_identity.Object).HandleAsync(new VerifyEmailCommand(account.Id.Value, "token"), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        _identity.Verify(i => i.AddToRoleAsync(It.IsAny<UserId>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Resend_ForUnknownOrVerifiedAddress_SucceedsAndMailsNothing()
    {
        KnownByEmail(AnAccount("verified@example.com", verified: true));
        var handler = new ResendVerificationHandler(_identity.Object, _email.Object, Settings);

        (await handler.HandleAsync(new ResendVerificationCommand("nobody@example.com"), CancellationToken.None)).Status.ShouldBe(ResultStatus.Ok);
        (await handler.HandleAsync(new ResendVerificationCommand("verified@example.com"), CancellationToken.None)).Status.ShouldBe(ResultStatus.Ok);
        (await handler.HandleAsync(new ResendVerificationCommand(null), CancellationToken.None)).Status.ShouldBe(ResultStatus.Ok);

        _sent.ShouldBeEmpty();
    }

    [Test]
    public async Task Forgot_ForAnAccount_MailsTheResetLinkOfTheClientApplication()
    {
        var account = KnownByEmail(AnAccount("ada@example.com"));
        _identity.Setup(i => i.CreatePasswordResetTokenAsync(account.Id, It.IsAny<CancellationToken>())).ReturnsAsync("re+set");

        var result = await new ForgotPasswordHandler(_identity.Object, _email.Object, Settings).HandleAsync(new ForgotPasswordCommand("ADA@example.com"), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        _sent.ShouldHaveSingleItem().TextBody.ShouldContain($"https://media.example.com/reset-password?userId={account.Id.Value}&token=re%2Bset");
    }

    [Test]
    public async Task Forgot_ForUnknownOrDisabledAddress_SucceedsAndMailsNothing()
    {
        KnownByEmail(AnAccount("off@example.com", disabled: true));
        var handler = new ForgotPasswordHandler(_identity.Object, _email.Object, Settings);

        (await handler.HandleAsync(new ForgotPasswordCommand("nobody@example.com"), CancellationToken.None)).Status.ShouldBe(ResultStatus.Ok);
        (await handler.HandleAsync(new ForgotPasswordCommand("off@example.com"), CancellationToken.None)).Status.ShouldBe(ResultStatus.Ok);

        _sent.ShouldBeEmpty();
    }

    [Test]
    public async Task Reset_WithValidToken_RevokesEveryRefreshTokenOfTheUser()
    {
        var account = Known(AnAccount());
        _identity.Setup(i => i.ResetPasswordAsync(account.Id, "token", "a new passphrase", It.IsAny<CancellationToken>())).ReturnsAsync(Result.Success());

        var result = await ResetHandler().HandleAsync(new ResetPasswordCommand(account.Id.Value, "token", "a new passphrase"), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        _store.Verify(s => s.RevokeAllAsync(account.Id, Now, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Reset_OfAnAddressListedAsAdmin_GivesTheAdminRole()
    {
        var account = Known(AnAccount(AdminEmail));
        _identity.Setup(i => i.ResetPasswordAsync(account.Id, "token", "a new passphrase", It.IsAny<CancellationToken>())).ReturnsAsync(Result.Success());
        _identity.Setup(i => i.AddToRoleAsync(account.Id, IdentityRoles.Admin, It.IsAny<CancellationToken>()))
            .ReturnsAsync(account with { Roles = [IdentityRoles.Admin] });

        var result = await ResetHandler().HandleAsync(new ResetPasswordCommand(account.Id.Value, "token", "a new passphrase"), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        _identity.Verify(i => i.AddToRoleAsync(account.Id, IdentityRoles.Admin, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Reset_OfAnAddressNotListedAsAdmin_GivesNoRole()
    {
        var account = Known(AnAccount());
        _identity.Setup(i => i.ResetPasswordAsync(account.Id, "token", "a new passphrase", It.IsAny<CancellationToken>())).ReturnsAsync(Result.Success());

        await ResetHandler().HandleAsync(new ResetPasswordCommand(account.Id.Value, "token", "a new passphrase"), CancellationToken.None);

        _identity.Verify(i => i.AddToRoleAsync(It.IsAny<UserId>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Reset_WhenTheStoreRejectsTheToken_RevokesNothingAndGivesNoRole()
    {
        var account = Known(AnAccount(AdminEmail));
        _identity.Setup(i => i.ResetPasswordAsync(account.Id, It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Result.Invalid(new ValidationError { Identifier = "token", ErrorMessage = "Invalid token." }));

        var result = await ResetHandler().HandleAsync(new ResetPasswordCommand(account.Id.Value, "forged", "a new passphrase"), CancellationToken.None);

        result.ValidationErrors.Select(e => e.Identifier).ShouldBe(["token"]);
        _store.VerifyNoOtherCalls();
        _identity.Verify(i => i.AddToRoleAsync(It.IsAny<UserId>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Reset_WithWeakPassword_IsInvalidKeyedNewPassword()
    {
        var result = await ResetHandler().HandleAsync(new ResetPasswordCommand(Guid.NewGuid(), "token", "short"), CancellationToken.None);

        result.ValidationErrors.Select(e => e.Identifier).ShouldBe(["newPassword"]);
        _identity.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Logout_WithAKnownToken_RevokesItsFamily()
    {
        var (token, value) = AStoredToken(UserId.New(), TimeSpan.FromHours(1));
        _store.Setup(s => s.FindByHashAsync(RefreshTokenSecret.Hash(value), It.IsAny<CancellationToken>())).ReturnsAsync(token);

        var result = await new LogoutHandler(_store.Object, _clock).HandleAsync(new LogoutCommand(value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        _store.Verify(s => s.RevokeFamilyAsync(token.FamilyId, Now, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Logout_WithAnUnknownToken_SucceedsAndRevokesNothing()
    {
        var result = await new LogoutHandler(_store.Object, _clock).HandleAsync(new LogoutCommand("unknown"), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        _store.Verify(s => s.RevokeFamilyAsync(It.IsAny<Guid>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private Account Known(Account account)
    {
        _identity.Setup(i => i.FindByIdAsync(account.Id, It.IsAny<CancellationToken>())).ReturnsAsync(account);
        return account;
    }

    private Account KnownByEmail(Account account)
    {
        _identity.Setup(i => i.FindByEmailAsync(EmailAddress.Create(account.Email), It.IsAny<CancellationToken>())).ReturnsAsync(account);
        return account;
    }

    private ResetPasswordHandler ResetHandler() => new(_identity.Object, _store.Object, Settings, _clock);
}
