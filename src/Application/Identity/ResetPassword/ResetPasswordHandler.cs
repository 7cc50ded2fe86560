using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Common;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Identity.ResetPassword;

public sealed record ResetPasswordCommand(Guid? UserId, string? Token, string? NewPassword);

/// <summary>
/// Sets a new password with the token from the reset mail. Every session of the user ends: all refresh tokens are
/// revoked, and the new security stamp stops the access tokens already handed out.
/// </summary>
public sealed class ResetPasswordHandler(IIdentityService identity, IRefreshTokenStore refreshTokens, TimeProvider clock)
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
        if (command.Token!.Length > VerifyEmail.VerifyEmailHandler.MaxTokenLength || await identity.FindByIdAsync(id, cancellationToken) is null)
        {
            return new Validation().Add("token", InvalidTokenMessage).ToResult();
        }

        var reset = await identity.ResetPasswordAsync(id, command.Token, command.NewPassword!, cancellationToken);
        if (!reset.IsSuccess)
        {
            return reset;
        }

        await refreshTokens.RevokeAllAsync(id, clock.GetUtcNow(), cancellationToken);
        return Result.Success();
    }
}
