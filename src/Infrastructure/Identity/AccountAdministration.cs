using MediaVault.Application.Abstractions;
using MediaVault.Domain.Users;
using MediaVault.Infrastructure.Persistence;
using MediaVault.Infrastructure.Persistence.ReadModels;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Infrastructure.Identity;

/// <summary>
/// Accounts for administrators, over the Identity tables. The list is one SQL statement: storage use and asset count
/// come from correlated subqueries over read-only views of the owners and assets tables, roles from Identity's
/// user-role table.
/// </summary>
internal sealed class AccountAdministration(MediaVaultDbContext db, IRefreshTokenStore refreshTokens, TimeProvider clock) : IAccountAdministration
{
    public async Task<IReadOnlyList<AccountSummary>> ListAsync(AccountQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var users = db.Users.AsNoTracking();
        if (query.Text is { } text)
        {
            // A plain substring test: EF escapes LIKE wildcards in it, so "50%" finds "50%" only.
            var lowered = text.ToLowerInvariant();
#pragma warning disable CA1862 // Translated to SQL (lower(column) and a substring test); StringComparison overloads are not.
            users = users.Where(u => u.Email!.ToLower().Contains(lowered) || u.DisplayName.ToLower().Contains(lowered));
#pragma warning restore CA1862
        }

        if (query.After is { } after)
        {
            var (createdAt, id) = (after.CreatedAt, after.Id);
            users = users.Where(u => u.CreatedAt < createdAt || (u.CreatedAt == createdAt && u.Id.CompareTo(id) < 0));
        }

        var rows = await users
            .OrderByDescending(u => u.CreatedAt).ThenByDescending(u => u.Id)
            .Take(query.Limit + 1)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.DisplayName,
                u.EmailConfirmed,
                u.IsDisabled,
                u.CreatedAt,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name)
                    .ToList(),
                StorageUsedBytes = db.Set<OwnerStorageRow>().Where(o => o.Id == u.Id).Select(o => (long?)o.StorageUsedBytes).FirstOrDefault(),
                AssetCount = db.Set<AssetOwnerRow>().Count(a => a.OwnerId == u.Id),
            })
            .ToListAsync(cancellationToken);

        return [.. rows.Select(r => new AccountSummary(
            r.Id,
            r.Email ?? string.Empty,
            r.DisplayName,
            r.EmailConfirmed,
            r.IsDisabled,
            [.. r.Roles.Where(name => name is not null).Select(name => name!.ToLowerInvariant()).Order(StringComparer.Ordinal)],
            r.StorageUsedBytes ?? 0,
            r.AssetCount,
            r.CreatedAt))];
    }

    public async Task<bool> SetDisabledAsync(UserId id, bool disabled, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id.Value, cancellationToken);
        if (user is null)
        {
            return false;
        }

        if (user.IsDisabled != disabled)
        {
            user.IsDisabled = disabled;
            // A new security stamp invalidates whatever Identity issued against the old one.
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
            await db.SaveChangesAsync(cancellationToken);
            if (disabled)
            {
                // The stamp already stops the user's tokens; revoking its sessions also ends them for good.
                await refreshTokens.RevokeAllAsync(id, clock.GetUtcNow(), cancellationToken);
            }
        }

        return true;
    }
}
