using MediaVault.Application.Abstractions;
using MediaVault.Application.Identity.GetMe;
using MediaVault.Domain.Users;
using MediaVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Infrastructure.Identity;

/// <summary>
/// <see cref="IAccountQueries"/> over the identity tables and the owners table: the account, its role names and its
/// owner row in ONE statement (both rows by primary key; the roles joined), instead of a query each.
/// </summary>
internal sealed class AccountQueries(MediaVaultDbContext db) : IAccountQueries
{
    public async Task<MeDto?> FindMeAsync(UserId id, CancellationToken cancellationToken)
    {
        var row = await (
                from u in db.Users.AsNoTracking()
                where u.Id == id.Value
                from o in db.Owners.AsNoTracking()
                where o.Id == id
                select new
                {
                    u.Id,
                    u.Email,
                    u.DisplayName,
                    u.EmailConfirmed,
                    u.CreatedAt,
                    Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
                    o.StorageUsedBytes,
                    o.StorageReservedBytes,
                    o.StorageQuotaBytes,
                })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null
            ? null
            : new MeDto(
                row.Id,
                row.Email ?? string.Empty,
                row.DisplayName,
                row.EmailConfirmed,
                [.. row.Roles.OfType<string>().Order(StringComparer.Ordinal)],
                row.StorageUsedBytes,
                row.StorageReservedBytes,
                row.StorageQuotaBytes,
                row.CreatedAt);
    }
}
