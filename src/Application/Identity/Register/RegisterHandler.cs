using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Common;
using MediaVault.Domain.Owners;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Identity.Register;

public sealed record RegisterCommand(string? Email, string? Password, string? DisplayName);

/// <summary>
/// Signs a person up: the account and its owner (with the default quota) in one transaction, then a verification mail.
/// An address that already has an account gets the same answer and no second account; its mailbox gets a fresh
/// verification link if it is still unverified, else a note that the account exists. Either way the caller learns
/// nothing about which addresses are registered.
/// </summary>
public sealed class RegisterHandler(IIdentityService identity, IEmailSender email, IdentitySettings settings, TimeProvider clock)
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
        // The store hashes the password before it looks for the address, so both outcomes cost the same time.
        var created = await identity.CreateAccountAsync(new NewAccount(id, address!, displayName!, command.Password!, now), owner, cancellationToken);
        if (created.IsSuccess)
        {
            await SendVerificationAsync(id, address!.Value, displayName!, cancellationToken);
            return Result.Success();
        }

        if (created.Status != ResultStatus.Conflict)
        {
            return created;
        }

        var existing = await identity.FindByEmailAsync(address!, cancellationToken);
        if (existing is { IsDisabled: false, EmailVerified: false })
        {
            await SendVerificationAsync(existing.Id, existing.Email, existing.DisplayName, cancellationToken);
        }
        else if (existing is { IsDisabled: false })
        {
            await email.SendAsync(IdentityEmails.AlreadyRegistered(existing.Email, existing.DisplayName), cancellationToken);
        }

        return Result.Success();
    }

    private async Task SendVerificationAsync(UserId id, string to, string displayName, CancellationToken cancellationToken)
    {
        var token = await identity.CreateEmailConfirmationTokenAsync(id, cancellationToken);
        await email.SendAsync(IdentityEmails.Verification(to, displayName, settings.VerificationLink(id.Value, token)), cancellationToken);
    }
}
