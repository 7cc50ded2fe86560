using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Common;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Identity.VerifyEmail;

public sealed record VerifyEmailCommand(Guid? UserId, string? Token);

/// <summary>
/// Verifies an address with the token from the mail. An unknown user, a forged or expired token and a token of an
/// address that is already verified (a used link) are all the same Invalid <c>token</c>. Verifying rotates the
/// security stamp, so every other link mailed before is spent. It never gives the admin role, even to an address listed
/// in <c>Admin__Emails</c>: a verification only proves that somebody opened a link (a mail scanner does), not who chose
/// the password; the role comes with a password reset through the mailbox (<see cref="ResetPassword.ResetPasswordHandler"/>).
/// </summary>
public sealed class VerifyEmailHandler(IIdentityService identity)
{
    public const string InvalidTokenMessage = "The verification link is invalid, has expired or was already used.";

    /// <summary>Tokens this server issues are a few hundred characters; anything much longer is refused unread.</summary>
    public const int MaxTokenLength = 2048;

    public async Task<Result> HandleAsync(VerifyEmailCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var validation = new Validation()
            .When(command.UserId is null || command.UserId == Guid.Empty, "userId", "userId is required.")
            .When(string.IsNullOrWhiteSpace(command.Token), "token", "token is required.");
        if (!validation.IsValid)
        {
            return validation.ToResult();
        }

        var id = new UserId(command.UserId!.Value);
        var account = command.Token!.Length > MaxTokenLength ? null : await identity.FindByIdAsync(id, cancellationToken);
        return account is null || account.EmailVerified || !await identity.ConfirmEmailAsync(id, command.Token, cancellationToken)
            ? new Validation().Add("token", InvalidTokenMessage).ToResult()
            : Result.Success();
    }
}
