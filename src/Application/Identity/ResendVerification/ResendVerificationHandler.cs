using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Identity.ResendVerification;

public sealed record ResendVerificationCommand(string? Email);

/// <summary>
/// Mails a fresh verification link to an unverified account. Always succeeds, whatever the address: the answer does
/// not tell whether it has an account.
/// </summary>
public sealed class ResendVerificationHandler(IIdentityService identity, IEmailSender email, IdentitySettings settings)
{
    public async Task<Result> HandleAsync(ResendVerificationCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (EmailAddress.TryCreate(command.Email, out var address)
            && await identity.FindByEmailAsync(address!, cancellationToken) is { EmailVerified: false, IsDisabled: false } account)
        {
            var token = await identity.CreateEmailConfirmationTokenAsync(account.Id, cancellationToken);
            await email.SendAsync(
                IdentityEmails.Verification(account.Email, account.DisplayName, settings.VerificationLink(account.Id.Value, token)),
                cancellationToken);
        }

        return Result.Success();
    }
}
