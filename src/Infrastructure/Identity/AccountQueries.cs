using MediaVault.Application.Abstractions;
using MediaVault.Application.Identity.GetMe;
using MediaVault.Domain.Users;
using MediaVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Infrastructure.Identity;

/// <summary>
/// <see cref="IAccountQueries"/> over the identity tables and the owners table: the account, its role names and its
/// owner row in ONE statement (both rows by primary key; the role names aggregated in a subquery), instead of a query each.
/// </summary>
internal sealed class AccountQueries(MediaVaultDbContext db) : IAccountQueries
{
    /// <summary>Between two role names in the aggregated column (role names are ours: letters only).</summary>
    private const string RoleSeparator = ",";

    /// <summary>
    /// Compiled (<see cref="CompiledPerModel{TQuery}"/>): no per-call parameter extraction or translation look-up. The role names
    /// come aggregated in one column (<c>string_agg</c>/<c>group_concat</c>), so the row needs no collection shaper.
    /// </summary>
    private static readonly CompiledPerModel<Func<MediaVaultDbContext, Guid, UserId, CancellationToken, Task<MeRow?>>> FindMe = new(() =>
        EF.CompileAsyncQuery((MediaVaultDbContext db, Guid id, UserId owner, CancellationToken _) =>
            (from u in db.Users.AsNoTracking()
             where u.Id == id
             from o in db.Owners.AsNoTracking()
             where o.Id == owner
             select new MeRow(
                 u.Id,
                 u.Email,
                 u.DisplayName,
                 u.EmailConfirmed,
                 u.CreatedAt,
                 db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name)
                     .GroupBy(_ => 1).Select(g => string.Join(RoleSeparator, g.Select(name => name))).FirstOrDefault(),
                 o.StorageUsedBytes,
                 o.StorageReservedBytes,
                 o.StorageQuotaBytes))
            .SingleOrDefault()));

    public async Task<MeDto?> FindMeAsync(UserId id, CancellationToken cancellationToken)
    {
        var row = await FindMe.For(db)(db, id.Value, id, cancellationToken);
        return row is null
            ? null
            : new MeDto(
                row.Id,
                row.Email ?? string.Empty,
                row.DisplayName,
                row.EmailConfirmed,
                string.IsNullOrEmpty(row.Roles) ? [] : [.. row.Roles.Split(RoleSeparator).Order(StringComparer.Ordinal)],
                row.StorageUsedBytes,
                row.StorageReservedBytes,
                row.StorageQuotaBytes,
                row.CreatedAt);
    }

    private sealed record MeRow(
        Guid Id,
        string? Email,
        string DisplayName,
        bool EmailConfirmed,
        DateTimeOffset CreatedAt,
        string? Roles,
        long StorageUsedBytes,
        long StorageReservedBytes,
        long StorageQuotaBytes);
}
