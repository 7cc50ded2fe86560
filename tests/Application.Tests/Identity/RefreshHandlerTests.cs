using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Identity.Refresh;
using MediaVault.Application.Identity.Sessions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static MediaVault.Application.Tests.Identity.IdentityFixtures;

namespace MediaVault.Application.Tests.Identity;

/// <summary>Rotation of refresh tokens and detection of a spent token shown again.</summary>
public sealed class RefreshHandlerTests
{
    private FakeTimeProvider _clock = null!;
    private Mock<IRefreshTokenStore> _store = null!;
    private Mock<IIdentityService> _identity = null!;
    private Mock<IAccessTokenIssuer> _issuer = null!;
    private Account _account = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = new FakeTimeProvider(Now);
        _store = new Mock<IRefreshTokenStore>();
        _identity = new Mock<IIdentityService>();
        _issuer = new Mock<IAccessTokenIssuer>();
        _account = AnAccount();
        _identity.Setup(i => i.FindByIdAsync(_account.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_account);
        _issuer.Setup(i => i.Issue(It.IsAny<Account>())).Returns<Account>(AnAccessToken);
    }

    [Test]
    public async Task HandleAsync_WithCurrentToken_SpendsItAndIssuesANewPairInTheSameFamily()
    {
        var (current, value) = Stored(current: AStoredToken(_account.Id, TimeSpan.FromDays(1)));
        RefreshToken? successor = null;
        _store.Setup(s => s.TryRotateAsync(current, It.IsAny<RefreshToken>(), Now, It.IsAny<CancellationToken>()))
            .Callback<RefreshToken, RefreshToken, DateTimeOffset, CancellationToken>((_, next, _, _) => successor = next)
            .ReturnsAsync(true);

        var result = await Handler().HandleAsync(new RefreshCommand(value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        var tokens = result.Value;
        tokens.AccessToken.ShouldBe(AnAccessToken(_account).Value);
        tokens.ExpiresInSeconds.ShouldBe(15 * 60);
        tokens.RefreshToken.ShouldNotBe(value);
        successor.ShouldNotBeNull();
        successor.TokenHash.ShouldBe(RefreshTokenSecret.Hash(tokens.RefreshToken));
        successor.FamilyId.ShouldBe(current.FamilyId);
        successor.UserId.ShouldBe(_account.Id);
        successor.CreatedAt.ShouldBe(Now);
        successor.ExpiresAt.ShouldBe(Now + Settings.RefreshTokenLifetime);
        successor.SpentAt.ShouldBeNull();
        _store.Verify(s => s.RevokeFamilyAsync(It.IsAny<Guid>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task HandleAsync_WithSpentToken_RevokesTheWholeFamilyAndIsUnauthorized()
    {
        var (issued, value) = AStoredToken(_account.Id, TimeSpan.FromDays(1));
        var (spent, _) = Stored(current: (issued with { SpentAt = Now.AddHours(-1) }, value));

        var result = await Handler().HandleAsync(new RefreshCommand(value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Unauthorized);
        _store.Verify(s => s.RevokeFamilyAsync(spent.FamilyId, Now, It.IsAny<CancellationToken>()), Times.Once);
        _store.Verify(s => s.TryRotateAsync(It.IsAny<RefreshToken>(), It.IsAny<RefreshToken>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
        _issuer.Verify(i => i.Issue(It.IsAny<Account>()), Times.Never);
    }

    [Test]
    public async Task HandleAsync_WhenTheTokenExpired_IsUnauthorizedAndRotatesNothing()
    {
        var (_, value) = Stored(current: AStoredToken(_account.Id, TimeSpan.FromDays(1)));
        _clock.Advance(Settings.RefreshTokenLifetime);

        var result = await Handler().HandleAsync(new RefreshCommand(value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Unauthorized);
        _store.Verify(s => s.TryRotateAsync(It.IsAny<RefreshToken>(), It.IsAny<RefreshToken>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
        _issuer.Verify(i => i.Issue(It.IsAny<Account>()), Times.Never);
    }

    [Test]
    public async Task HandleAsync_OneSecondBeforeExpiry_StillRotates()
    {
        var (current, value) = Stored(current: AStoredToken(_account.Id, TimeSpan.Zero));
        _clock.Advance(Settings.RefreshTokenLifetime - TimeSpan.FromSeconds(1));
        _store.Setup(s => s.TryRotateAsync(current, It.IsAny<RefreshToken>(), _clock.GetUtcNow(), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var result = await Handler().HandleAsync(new RefreshCommand(value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
    }

    [Test]
    public async Task HandleAsync_WithRevokedToken_IsUnauthorized()
    {
        var (issued, value) = AStoredToken(_account.Id, TimeSpan.FromDays(1));
        Stored(current: (issued with { RevokedAt = Now.AddMinutes(-5) }, value));

        var result = await Handler().HandleAsync(new RefreshCommand(value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Unauthorized);
        _issuer.Verify(i => i.Issue(It.IsAny<Account>()), Times.Never);
    }

    [Test]
    public async Task HandleAsync_WithUnknownToken_IsUnauthorized()
    {
        var result = await Handler().HandleAsync(new RefreshCommand("never-issued"), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Unauthorized);
        _store.Verify(s => s.FindByHashAsync(RefreshTokenSecret.Hash("never-issued"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task HandleAsync_WhenAnotherRequestSpendsTheTokenFirst_RevokesTheFamilyAndIsUnauthorized()
    {
        var (current, value) = Stored(current: AStoredToken(_account.Id, TimeSpan.FromDays(1)));
        _store.Setup(s => s.TryRotateAsync(current, It.IsAny<RefreshToken>(), Now, It.IsAny<CancellationToken>())).ReturnsAsync(false);

        var result = await Handler().HandleAsync(new RefreshCommand(value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Unauthorized);
        _store.Verify(s => s.RevokeFamilyAsync(current.FamilyId, Now, It.IsAny<CancellationToken>()), Times.Once);
        _issuer.Verify(i => i.Issue(It.IsAny<Account>()), Times.Never);
    }

    [Test]
    public async Task HandleAsync_ForADisabledAccount_RevokesTheFamilyAndIsUnauthorized()
    {
        var (current, value) = Stored(current: AStoredToken(_account.Id, TimeSpan.FromDays(1)));
        _identity.Setup(i => i.FindByIdAsync(_account.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_account with { IsDisabled = true });

        var result = await Handler().HandleAsync(new RefreshCommand(value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Unauthorized);
        _store.Verify(s => s.RevokeFamilyAsync(current.FamilyId, Now, It.IsAny<CancellationToken>()), Times.Once);
        _store.Verify(s => s.TryRotateAsync(It.IsAny<RefreshToken>(), It.IsAny<RefreshToken>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [TestCase(null)]
    [TestCase("  ")]
    public async Task HandleAsync_WithoutToken_IsInvalidKeyedRefreshToken(string? value)
    {
        var result = await Handler().HandleAsync(new RefreshCommand(value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ValidationErrors.Select(e => e.Identifier).ShouldBe(["refreshToken"]);
        _store.VerifyNoOtherCalls();
    }

    private (RefreshToken Token, string Value) Stored((RefreshToken Token, string Value) current)
    {
        _store.Setup(s => s.FindByHashAsync(RefreshTokenSecret.Hash(current.Value), It.IsAny<CancellationToken>())).ReturnsAsync(current.Token);
        return current;
    }

    private RefreshHandler Handler() =>
        new(_identity.Object, _store.Object, _issuer.Object, Settings, _clock, NullLogger<RefreshHandler>.Instance);
}
