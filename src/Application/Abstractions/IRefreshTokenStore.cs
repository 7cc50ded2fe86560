using MediaVault.Domain.Users;

namespace MediaVault.Application.Abstractions;

/// <summary>
/// One issued refresh token, stored only as the SHA-256 of its value. The tokens of one sign-in form a family: each use
/// spends a token and adds its successor to the family, so a spent token shown again means it was copied.
/// </summary>
public sealed record RefreshToken(
    Guid Id,
    Guid FamilyId,
    UserId UserId,
    string TokenHash,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? SpentAt = null,
    DateTimeOffset? RevokedAt = null)
{
    public bool IsExpired(DateTimeOffset now) => ExpiresAt <= now;
}

/// <summary>Where refresh tokens live. Every write commits at once.</summary>
public interface IRefreshTokenStore
{
    Task<RefreshToken?> FindByHashAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>Stores the first token of a new family (a sign-in).</summary>
    Task AddAsync(RefreshToken token, CancellationToken cancellationToken);

    /// <summary>
    /// Spends <paramref name="spent"/> and stores <paramref name="successor"/>, atomically and only if
    /// <paramref name="spent"/> is still unspent, unrevoked and unexpired at <paramref name="now"/>; false otherwise
    /// (another request used it first).
    /// </summary>
    Task<bool> TryRotateAsync(RefreshToken spent, RefreshToken successor, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Revokes every token of the family: the sign-in session ends.</summary>
    Task RevokeFamilyAsync(Guid familyId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Revokes every token of the user: all sessions end.</summary>
    Task RevokeAllAsync(UserId userId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes the user's tokens that expired before <paramref name="before"/>: housekeeping at sign-in.</summary>
    Task PurgeExpiredAsync(UserId userId, DateTimeOffset before, CancellationToken cancellationToken);
}
