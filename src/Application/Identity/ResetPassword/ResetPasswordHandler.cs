using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Common;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Identity.ResetPassword;

public sealed record ResetPasswordCommand(Guid? UserId, string? Token, string? NewPassword);

/// <summary>
/// Sets a new password with the token from the reset mail. Every session of the user ends: all refresh tokens are
/// revoked, and the new security stamp stops the access tokens already handed out. An account listed in
/// <c>Admin__Emails</c> gets the admin role here: its password was just set through its mailbox.
/// </summary>
public sealed class ResetPasswordHandler(IIdentityService identity, IRefreshTokenStore refreshTokens, IdentitySettings settings, TimeProvider clock)
{
    public const string InvalidTokenMessage = "The reset link is invalid, has expired or was already used.";

    public async Task<Result> HandleAsync(ResetPasswordCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var validation = new Validation()
            .When(command.UserId is null || command.UserId == Guid.Empty, "userId", "userId is required.")
            .When(string.IsNullOrWhiteSpace(command.Token), "token", "token is required.")
            .CheckPassword("newPassword", command.NewPassword);
        if (!validation.IsValid)
        {
            return validation.ToResult();
        }

        var id = new UserId(command.UserId!.Value);
        var account = command.Token!.Length > VerifyEmail.VerifyEmailHandler.MaxTokenLength ? null : await identity.FindByIdAsync(id, cancellationToken);
        if (account is null)
        {
            return new Validation().Add("token", InvalidTokenMessage).ToResult();
        }

        var reset = await identity.ResetPasswordAsync(id, command.Token, command.NewPassword!, cancellationToken);
        if (!reset.IsSuccess)
        {
            return reset;
        }

        await refreshTokens.RevokeAllAsync(id, clock.GetUtcNow(), cancellationToken);
        await identity.GrantConfiguredRolesAsync(settings, account, cancellationToken);
        return Result.Success();
    }
}
