using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Common;
using MediaVault.Application.Identity.Sessions;
using Microsoft.Extensions.Logging;

namespace MediaVault.Application.Identity.Refresh;

public sealed record RefreshCommand(string? RefreshToken);

/// <summary>
/// Trades a refresh token for a new pair. The token is spent and its successor joins the same family. A spent token
/// shown again was copied, by a thief or from a thief: the whole family is revoked, so whoever holds the newest token
/// is signed out too, and the real user signs in again. Unknown, expired and revoked tokens, and accounts that are
/// gone or disabled, are all Unauthorized.
/// </summary>
public sealed partial class RefreshHandler(
    IIdentityService identity,
    IRefreshTokenStore refreshTokens,
    IAccessTokenIssuer accessTokens,
    IdentitySettings settings,
    TimeProvider clock,
    ILogger<RefreshHandler> logger)
{
    public async Task<Result<AuthTokens>> HandleAsync(RefreshCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrWhiteSpace(command.RefreshToken))
        {
            return new Validation().Add("refreshToken", "refreshToken is required.").ToResult<AuthTokens>();
        }

        if (command.RefreshToken.Length > RefreshTokenSecret.MaxLength)
        {
            return Result<AuthTokens>.Unauthorized();
        }

        var current = await refreshTokens.FindByHashAsync(RefreshTokenSecret.Hash(command.RefreshToken), cancellationToken);
        var now = clock.GetUtcNow();
        if (current is null || current.RevokedAt is not null || current.IsExpired(now))
        {
            return Result<AuthTokens>.Unauthorized();
        }

        if (current.SpentAt is not null)
        {
            return await RevokeReplayedFamilyAsync(current, now, cancellationToken);
        }

        var account = await identity.FindByIdAsync(current.UserId, cancellationToken);
        if (account is null || account.IsDisabled || !account.EmailVerified)
        {
            await refreshTokens.RevokeFamilyAsync(current.FamilyId, now, cancellationToken);
            return Result<AuthTokens>.Unauthorized();
        }

        var (successor, value) = RefreshTokenSecret.Issue(current.FamilyId, current.UserId, now, settings.RefreshTokenLifetime);
        if (!await refreshTokens.TryRotateAsync(current, successor, now, cancellationToken))
        {
            // Another request spent it between our read and our write: the same token was used twice.
            return await RevokeReplayedFamilyAsync(current, now, cancellationToken);
        }

        var access = accessTokens.Issue(account);
        return Result.Success(new AuthTokens(access.Value, value, (int)access.Lifetime.TotalSeconds));
    }

    private async Task<Result<AuthTokens>> RevokeReplayedFamilyAsync(RefreshToken replayed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await refreshTokens.RevokeFamilyAsync(replayed.FamilyId, now, cancellationToken);
        LogReplay(replayed.UserId.Value, replayed.FamilyId);
        return Result<AuthTokens>.Unauthorized();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A spent refresh token of user {UserId} was used again; its family {FamilyId} is revoked.")]
    private partial void LogReplay(Guid userId, Guid familyId);
}
