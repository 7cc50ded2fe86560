using MediaVault.Application.Abstractions;
using MediaVault.Domain.Users;
using MediaVault.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Infrastructure.Identity;

/// <summary>
/// People as the Identity user table knows them. E-mail addresses are matched on Identity's normalized form (the same
/// <see cref="UpperInvariantLookupNormalizer"/> that Identity applies when it stores an account), so that the index on
/// <c>NormalizedEmail</c> serves the lookup.
/// </summary>
internal sealed class UserDirectory(MediaVaultDbContext db) : IUserDirectory
{
    private static readonly UpperInvariantLookupNormalizer Normalizer = new();

    public async Task<DirectoryUser?> FindGrantableByEmailAsync(EmailAddress email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var normalized = Normalizer.NormalizeEmail(email.Value);
        var user = await db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail == normalized && u.EmailConfirmed && !u.IsDisabled)
            .OrderBy(u => u.CreatedAt)
            .Select(u => new { u.Id, u.Email, u.DisplayName })
            .FirstOrDefaultAsync(cancellationToken);
        return user is null ? null : new DirectoryUser(new UserId(user.Id), user.Email ?? email.Value, user.DisplayName);
    }

    public async Task<IReadOnlyDictionary<UserId, DirectoryUser>> GetByIdsAsync(IReadOnlyCollection<UserId> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return new Dictionary<UserId, DirectoryUser>();
        }

        var keys = ids.Select(id => id.Value).Distinct().ToList();
        var users = await db.Users.AsNoTracking()
            .Where(u => keys.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.DisplayName })
            .ToListAsync(cancellationToken);
        return users.ToDictionary(u => new UserId(u.Id), u => new DirectoryUser(new UserId(u.Id), u.Email ?? string.Empty, u.DisplayName));
    }
}
