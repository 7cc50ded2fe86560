using MediaVault.Application.Abstractions;
using MediaVault.Application.Identity.Login;
using MediaVault.Application.Identity.Sessions;
using MediaVault.Domain.Users;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static MediaVault.Application.Tests.Identity.IdentityFixtures;

namespace MediaVault.Application.Tests.Identity;

/// <summary>Sign-in: who gets tokens, who learns what, and the new session it starts.</summary>
public sealed class LoginHandlerTests
{
    private const string Password = "correct horse battery";
    private FakeTimeProvider _clock = null!;
    private Mock<IRefreshTokenStore> _store = null!;
    private Mock<IIdentityService> _identity = null!;
    private Mock<IAccessTokenIssuer> _issuer = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = new FakeTimeProvider(Now);
        _store = new Mock<IRefreshTokenStore>();
        _identity = new Mock<IIdentityService>();
        _issuer = new Mock<IAccessTokenIssuer>();
        _issuer.Setup(i => i.Issue(It.IsAny<Account>())).Returns<Account>(AnAccessToken);
    }

    [Test]
    public async Task HandleAsync_WithRightPassword_StartsANewFamilyAndIssuesAPair()
    {
        var account = PasswordAccepted(AnAccount());
        RefreshToken? stored = null;
        _store.Setup(s => s.AddAsync(It.IsAny<RefreshToken>(), It.IsAny<CancellationToken>()))
            .Callback<RefreshToken, CancellationToken>((token, _) => stored = token);

        var result = await Handler().HandleAsync(new LoginCommand(" ADA@example.com ", Password), CancellationToken.None);

        result.Status.ShouldBe(LoginStatus.SignedIn);
        var tokens = result.Tokens.ShouldNotBeNull();
        tokens.AccessToken.ShouldBe(AnAccessToken(account).Value);
        stored.ShouldNotBeNull();
        stored.TokenHash.ShouldBe(RefreshTokenSecret.Hash(tokens.RefreshToken));
        stored.UserId.ShouldBe(account.Id);
        stored.FamilyId.ShouldNotBe(Guid.Empty);
        stored.ExpiresAt.ShouldBe(Now + Settings.RefreshTokenLifetime);
        stored.SpentAt.ShouldBeNull();
        _identity.Verify(i => i.CheckPasswordAsync(EmailAddress.Create("ada@example.com"), Password, It.IsAny<CancellationToken>()), Times.Once);
        _store.Verify(s => s.PurgeExpiredAsync(account.Id, Now, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task HandleAsync_TwoSignIns_StartTwoFamilies()
    {
        PasswordAccepted(AnAccount());
        var families = new List<Guid>();
        _store.Setup(s => s.AddAsync(It.IsAny<RefreshToken>(), It.IsAny<CancellationToken>()))
            .Callback<RefreshToken, CancellationToken>((token, _) => families.Add(token.FamilyId));

        await Handler().HandleAsync(new LoginCommand("ada@example.com", Password), CancellationToken.None);
        await Handler().HandleAsync(new LoginCommand("ada@example.com", Password), CancellationToken.None);

        families.Distinct().Count().ShouldBe(2);
    }

    [Test]
    public async Task HandleAsync_WithWrongPassword_IsWrongCredentialsAndStartsNoSession()
    {
        _identity.Setup(i => i.CheckPasswordAsync(It.IsAny<EmailAddress>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new PasswordCheck(PasswordCheckStatus.WrongCredentials));

        var result = await Handler().HandleAsync(new LoginCommand("ada@example.com", "wrong password"), CancellationToken.None);

        result.Status.ShouldBe(LoginStatus.WrongCredentials);
        result.Tokens.ShouldBeNull();
        _store.VerifyNoOtherCalls();
        _issuer.VerifyNoOtherCalls();
    }

    [Test]
    public async Task HandleAsync_WithAnInvalidAddress_IsWrongCredentialsWithoutAskingTheStore()
    {
        var result = await Handler().HandleAsync(new LoginCommand("not an address", Password), CancellationToken.None);

        result.Status.ShouldBe(LoginStatus.WrongCredentials);
        _identity.VerifyNoOtherCalls();
    }

    [Test]
    public async Task HandleAsync_OfAnUnverifiedAccount_IsEmailNotVerified()
    {
        PasswordAccepted(AnAccount(verified: false));

        var result = await Handler().HandleAsync(new LoginCommand("ada@example.com", Password), CancellationToken.None);

        result.Status.ShouldBe(LoginStatus.EmailNotVerified);
        _store.VerifyNoOtherCalls();
    }

    [Test]
    public async Task HandleAsync_OfADisabledAccount_IsDisabled()
    {
        PasswordAccepted(AnAccount(disabled: true));

        var result = await Handler().HandleAsync(new LoginCommand("ada@example.com", Password), CancellationToken.None);

        result.Status.ShouldBe(LoginStatus.Disabled);
        _store.VerifyNoOtherCalls();
    }

    [Test]
    public async Task HandleAsync_OfALockedOutAccount_IsLockedOutUntilTheLockoutEnds()
    {
        _identity.Setup(i => i.CheckPasswordAsync(It.IsAny<EmailAddress>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new PasswordCheck(PasswordCheckStatus.LockedOut, LockedOutUntil: Now.AddMinutes(12)));

        var result = await Handler().HandleAsync(new LoginCommand("ada@example.com", Password), CancellationToken.None);

        result.Status.ShouldBe(LoginStatus.LockedOut);
        result.RetryAfter.ShouldBe(TimeSpan.FromMinutes(12));
        _store.VerifyNoOtherCalls();
    }

    [Test]
    public async Task HandleAsync_WithoutPassword_IsInvalidKeyedPassword()
    {
        var result = await Handler().HandleAsync(new LoginCommand("ada@example.com", null), CancellationToken.None);

        result.Status.ShouldBe(LoginStatus.Invalid);
        result.ValidationErrors.Select(e => e.Identifier).ShouldBe(["password"]);
    }

    [Test]
    public async Task HandleAsync_OfAVerifiedAdminAddress_SignsInWithoutGivingTheAdminRole()
    {
        var account = PasswordAccepted(AnAccount(AdminEmail));

        var result = await Handler().HandleAsync(new LoginCommand(AdminEmail, Password), CancellationToken.None);

        result.Status.ShouldBe(LoginStatus.SignedIn);
        _issuer.Verify(i => i.Issue(account), Times.Once);
        _identity.Verify(i => i.AddToRoleAsync(It.IsAny<UserId>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private Account PasswordAccepted(Account account)
    {
        _identity.Setup(i => i.CheckPasswordAsync(It.IsAny<EmailAddress>(), Password, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new PasswordCheck(PasswordCheckStatus.Succeeded, account));
        return account;
    }

    private LoginHandler Handler() => new(_identity.Object, _store.Object, _issuer.Object, Settings, _clock);
}
