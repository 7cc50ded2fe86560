using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Identity.Register;
using MediaVault.Domain.Owners;
using MediaVault.Domain.Users;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static MediaVault.Application.Tests.Identity.IdentityFixtures;

namespace MediaVault.Application.Tests.Identity;

/// <summary>Sign-up: one account with its owner, a verification mail, and no way to tell registered addresses apart.</summary>
public sealed class RegisterHandlerTests
{
    private const string Password = "correct horse battery";
    private Mock<IIdentityService> _identity = null!;
    private Mock<IEmailSender> _email = null!;
    private Mock<IUnitOfWork> _unitOfWork = null!;
    private Mock<IUnitOfWorkTransaction> _transaction = null!;
    private List<EmailMessage> _sent = null!;

    [SetUp]
    public void SetUp()
    {
        _identity = new Mock<IIdentityService>();
        _email = new Mock<IEmailSender>();
        _sent = [];
        _email.Setup(e => e.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>()))
            .Callback<EmailMessage, CancellationToken>((message, _) => _sent.Add(message))
            .Returns(Task.CompletedTask);
        _transaction = new Mock<IUnitOfWorkTransaction>();
        _unitOfWork = new Mock<IUnitOfWork>();
        _unitOfWork.Setup(u => u.BeginTransactionAsync(It.IsAny<CancellationToken>())).ReturnsAsync(_transaction.Object);
    }

    [Test]
    public async Task HandleAsync_WithNewAddress_CreatesAccountAndOwnerAndMailsTheVerificationLink()
    {
        NewAccount? account = null;
        Owner? owner = null;
        _identity.Setup(i => i.RegisterAsync(It.IsAny<NewAccount>(), It.IsAny<Owner>(), It.IsAny<CancellationToken>()))
            .Callback<NewAccount, Owner, CancellationToken>((a, o, _) => (account, owner) = (a, o))
            .ReturnsAsync((NewAccount a, Owner _, CancellationToken _) => Result.Success(Registered(RegistrationOutcome.Created, a)));
        _identity.Setup(i => i.CreateEmailConfirmationTokenAsync(It.IsAny<UserId>(), It.IsAny<CancellationToken>())).ReturnsAsync("to+ken/=");

        var result = await Handler().HandleAsync(new RegisterCommand("Ada@Example.com", Password, "  Ada  "), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        account.ShouldNotBeNull();
        account.Email.Value.ShouldBe("ada@example.com");
        account.DisplayName.ShouldBe("Ada");
        account.CreatedAt.ShouldBe(Now);
        owner.ShouldNotBeNull();
        owner.Id.ShouldBe(account.Id);
        owner.StorageQuotaBytes.ShouldBe(Settings.DefaultQuotaBytes);
        var mail = _sent.ShouldHaveSingleItem();
        mail.To.ShouldBe("ada@example.com");
        mail.TextBody.ShouldContain($"https://media.example.com/api/v1/auth/verify-email?userId={account.Id.Value}&token=to%2Bken%2F%3D");
        mail.HtmlBody.ShouldNotBeNull().ShouldContain("verify-email");
        _transaction.Verify(t => t.CommitAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task HandleAsync_WithAVerifiedAccountsAddress_SucceedsAlikeCreatesNothingAndMailsANotice()
    {
        var existing = AnAccount("ada@example.com");
        _identity.Setup(i => i.RegisterAsync(It.IsAny<NewAccount>(), It.IsAny<Owner>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Result.Success(new Registration(RegistrationOutcome.AlreadyVerified, existing)));

        var result = await Handler().HandleAsync(new RegisterCommand("ada@example.com", Password, "Impostor"), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.ValidationErrors.ShouldBeEmpty();
        _identity.Verify(i => i.CreateEmailConfirmationTokenAsync(It.IsAny<UserId>(), It.IsAny<CancellationToken>()), Times.Never);
        var mail = _sent.ShouldHaveSingleItem();
        mail.To.ShouldBe("ada@example.com");
        mail.Subject.ShouldBe("You already have a MediaVault account");
        mail.TextBody.ShouldNotContain("http");
    }

    [Test]
    public async Task HandleAsync_WithAnUnverifiedAccountsAddress_MailsAFreshLinkForThatAccountUnderItsNewName()
    {
        var existing = AnAccount("ada@example.com", verified: false) with { DisplayName = "Ada Again" };
        _identity.Setup(i => i.RegisterAsync(It.IsAny<NewAccount>(), It.IsAny<Owner>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Result.Success(new Registration(RegistrationOutcome.CredentialsReplaced, existing)));
        _identity.Setup(i => i.CreateEmailConfirmationTokenAsync(existing.Id, It.IsAny<CancellationToken>())).ReturnsAsync("token");

        var result = await Handler().HandleAsync(new RegisterCommand("ada@example.com", Password, "Ada Again"), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        var mail = _sent.ShouldHaveSingleItem();
        mail.TextBody.ShouldContain($"verify-email?userId={existing.Id.Value}&token=token");
        mail.TextBody.ShouldContain("Hello Ada Again,");
        _transaction.Verify(t => t.CommitAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task HandleAsync_WithADisabledAccountsAddress_SucceedsAlikeAndMailsNothing()
    {
        var existing = AnAccount("ada@example.com", disabled: true);
        _identity.Setup(i => i.RegisterAsync(It.IsAny<NewAccount>(), It.IsAny<Owner>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Result.Success(new Registration(RegistrationOutcome.Disabled, existing)));

        var result = await Handler().HandleAsync(new RegisterCommand("ada@example.com", Password, "Ada"), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        _sent.ShouldBeEmpty();
        _identity.Verify(i => i.CreateEmailConfirmationTokenAsync(It.IsAny<UserId>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task HandleAsync_WithInvalidFields_IsInvalidKeyedByEachFieldAndTouchesNothing()
    {
        var result = await Handler().HandleAsync(new RegisterCommand("not an address", "short", " "), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ValidationErrors.Select(e => e.Identifier).ShouldBe(["email", "password", "displayName"], ignoreOrder: true);
        _identity.VerifyNoOtherCalls();
        _sent.ShouldBeEmpty();
    }

    [TestCase(9, false)]
    [TestCase(10, true)]
    [TestCase(128, true)]
    [TestCase(129, false)]
    public async Task HandleAsync_PasswordLength_IsCheckedAgainst10To128(int length, bool accepted)
    {
        _identity.Setup(i => i.RegisterAsync(It.IsAny<NewAccount>(), It.IsAny<Owner>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((NewAccount a, Owner _, CancellationToken _) => Result.Success(Registered(RegistrationOutcome.Created, a)));
        _identity.Setup(i => i.CreateEmailConfirmationTokenAsync(It.IsAny<UserId>(), It.IsAny<CancellationToken>())).ReturnsAsync("token");

        var result = await Handler().HandleAsync(new RegisterCommand("ada@example.com", new string('x', length), "Ada"), CancellationToken.None);

        result.Status.ShouldBe(accepted ? ResultStatus.Ok : ResultStatus.Invalid);
    }

    [Test]
    public async Task HandleAsync_WhenTheStoreRefusesThePassword_PassesItsFieldErrorsOn()
    {
        var refused = Result<Registration>.Invalid(new ValidationError { Identifier = "password", ErrorMessage = "Refused." });
        _identity.Setup(i => i.RegisterAsync(It.IsAny<NewAccount>(), It.IsAny<Owner>(), It.IsAny<CancellationToken>())).ReturnsAsync(refused);

        var result = await Handler().HandleAsync(new RegisterCommand("ada@example.com", Password, "Ada"), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ValidationErrors.Select(e => e.Identifier).ShouldBe(["password"]);
        _sent.ShouldBeEmpty();
        _transaction.Verify(t => t.CommitAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    private static Registration Registered(RegistrationOutcome outcome, NewAccount account) =>
        new(outcome, new Account(account.Id, account.Email.Value, account.DisplayName, false, false, "stamp-1", [], account.CreatedAt));

    private RegisterHandler Handler() => new(_identity.Object, _email.Object, _unitOfWork.Object, Settings, new FakeTimeProvider(Now));
}
