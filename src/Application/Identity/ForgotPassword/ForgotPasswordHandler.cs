using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Identity.ForgotPassword;

public sealed record ForgotPasswordCommand(string? Email);

/// <summary>
/// Mails a password reset link to the account of the address, if there is one and it is not disabled. Always succeeds:
/// the answer does not tell whether the address has an account.
/// </summary>
public sealed class ForgotPasswordHandler(IIdentityService identity, IEmailSender email, IdentitySettings settings)
{
    public async Task<Result> HandleAsync(ForgotPasswordCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (EmailAddress.TryCreate(command.Email, out var address)
            && await identity.FindByEmailAsync(address!, cancellationToken) is { IsDisabled: false } account)
        {
            var token = await identity.CreatePasswordResetTokenAsync(account.Id, cancellationToken);
            await email.SendAsync(
                IdentityEmails.PasswordReset(account.Email, account.DisplayName, settings.PasswordResetLink(account.Id.Value, token)),
                cancellationToken);
        }

        return Result.Success();
    }
}
