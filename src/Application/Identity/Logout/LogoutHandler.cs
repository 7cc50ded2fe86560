using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Common;
using MediaVault.Application.Identity.Sessions;

namespace MediaVault.Application.Identity.Logout;

public sealed record LogoutCommand(string? RefreshToken);

/// <summary>
/// Ends the session the refresh token belongs to (its whole family). Idempotent: an unknown or already revoked token
/// succeeds too. Access tokens already issued run out by themselves within minutes.
/// </summary>
public sealed class LogoutHandler(IRefreshTokenStore refreshTokens, TimeProvider clock)
{
    public async Task<Result> HandleAsync(LogoutCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrWhiteSpace(command.RefreshToken))
        {
            return new Validation().Add("refreshToken", "refreshToken is required.").ToResult();
        }

        if (command.RefreshToken.Length <= RefreshTokenSecret.MaxLength
            && await refreshTokens.FindByHashAsync(RefreshTokenSecret.Hash(command.RefreshToken), cancellationToken) is { RevokedAt: null } token)
        {
            await refreshTokens.RevokeFamilyAsync(token.FamilyId, clock.GetUtcNow(), cancellationToken);
        }

        return Result.Success();
    }
}
