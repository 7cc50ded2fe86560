using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Common;
using MediaVault.Domain.Owners;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Identity.Register;

public sealed record RegisterCommand(string? Email, string? Password, string? DisplayName);

/// <summary>
/// Signs a person up: the account and its owner (with the default quota), then a verification mail, in one
/// transaction (the mail is an outbox row, delivered after the commit). An address that already has an account gets
/// the same answer and no second account. If that account is still unverified, whoever registers last owns it: the
/// new password and display name replace the old ones and every link mailed before stops working, so a stranger who
/// registered someone else's address first holds nothing once the owner of the mailbox registers; a fresh link goes to
/// the mailbox. A verified account gets a note that it exists, a disabled one nothing. Either way the caller learns
/// nothing about which addresses are registered.
/// </summary>
public sealed class RegisterHandler(
    IIdentityService identity,
    IEmailSender email,
    IUnitOfWork unitOfWork,
    IdentitySettings settings,
    TimeProvider clock)
{
    public async Task<Result> HandleAsync(RegisterCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var validation = new Validation();
        validation.When(!EmailAddress.TryCreate(command.Email, out var address), "email", "email must be a valid e-mail address.");
        validation.CheckPassword("password", command.Password);
        var displayName = validation.CheckDisplayName("displayName", command.DisplayName);
        if (!validation.IsValid)
        {
            return validation.ToResult();
        }

        var now = clock.GetUtcNow();
        var id = UserId.New();
        var owner = Owner.Open(id, settings.DefaultQuotaBytes, now);
        await using var transaction = await unitOfWork.BeginTransactionAsync(cancellationToken);
        var registered = await identity.RegisterAsync(new NewAccount(id, address!, displayName!, command.Password!, now), owner, cancellationToken);
        if (!registered.IsSuccess)
        {
            return Result.Invalid([.. registered.ValidationErrors]);
        }

        var (outcome, account) = registered.Value;
        switch (outcome)
        {
            case RegistrationOutcome.Created or RegistrationOutcome.CredentialsReplaced:
                var token = await identity.CreateEmailConfirmationTokenAsync(account.Id, cancellationToken);
                await email.SendAsync(
                    IdentityEmails.Verification(account.Email, account.DisplayName, settings.VerificationLink(account.Id.Value, token)),
                    cancellationToken);
                break;
            case RegistrationOutcome.AlreadyVerified:
                await email.SendAsync(IdentityEmails.AlreadyRegistered(account.Email, account.DisplayName), cancellationToken);
                break;
            case RegistrationOutcome.Disabled:
                // An administrator turned the account off: no mail.
                break;
        }

        await transaction.CommitAsync(cancellationToken);
        return Result.Success();
    }
}
