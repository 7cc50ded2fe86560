using MediaVault.Application.Abstractions;
using MediaVault.Domain.Users;
using MediaVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Infrastructure.Identity;

/// <summary>Refresh tokens in the <c>refresh_tokens</c> table. Spending and revoking are conditional set-based updates.</summary>
internal sealed class EfRefreshTokenStore(MediaVaultDbContext db) : IRefreshTokenStore
{
    public Task<RefreshToken?> FindByHashAsync(string tokenHash, CancellationToken cancellationToken) =>
        db.RefreshTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == tokenHash, cancellationToken);

    public async Task AddAsync(RefreshToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        db.RefreshTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(token).State = EntityState.Detached;
    }

    public async Task<bool> TryRotateAsync(RefreshToken spent, RefreshToken successor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spent);
        ArgumentNullException.ThrowIfNull(successor);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Only one of several requests racing with the same token can spend it: the others update no row.
        var updated = await db.RefreshTokens
            .Where(t => t.Id == spent.Id && t.SpentAt == null && t.RevokedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.SpentAt, now), cancellationToken);
        if (updated == 0)
        {
            return false;
        }

        db.RefreshTokens.Add(successor);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.Entry(successor).State = EntityState.Detached;
        return true;
    }

    public Task RevokeFamilyAsync(Guid familyId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.RefreshTokens.Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);

    public Task RevokeAllAsync(UserId userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.RefreshTokens.Where(t => t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);

    public Task PurgeExpiredAsync(UserId userId, DateTimeOffset before, CancellationToken cancellationToken) =>
        db.RefreshTokens.Where(t => t.UserId == userId && t.ExpiresAt < before).ExecuteDeleteAsync(cancellationToken);
}
