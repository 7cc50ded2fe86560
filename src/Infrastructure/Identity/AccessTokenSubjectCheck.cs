using MediaVault.Application.Abstractions;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Users;
using MediaVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Infrastructure.Identity;

/// <summary>
/// Run for every validated access token: the account must still exist, not be disabled, and have the security stamp
/// the token was issued with. One primary-key lookup, so disabling an account or resetting its password takes effect
/// on the next request rather than when the token expires. The same statement reads the caller's
/// <see cref="CallerReach"/> (two index probes), which spares the group and collection reads of people in no group.
/// </summary>
public sealed class AccessTokenSubjectCheck(MediaVaultDbContext db)
{
    /// <summary>The caller's reach when the token is current, else <c>null</c> (the token must be refused).</summary>
    public async Task<CallerReach?> CheckAsync(string? subject, string? securityStampClaim, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(subject, out var id) || string.IsNullOrEmpty(securityStampClaim))
        {
            return null;
        }

        var person = new UserId(id);
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new
            {
                u.IsDisabled,
                u.SecurityStamp,
                InAnyGroup = db.Set<GroupMember>().Any(m => m.UserId == person),
                HoldsCollectionGrant = db.Set<CollectionGrant>().Any(g => g.GranteeId == person && g.RevokedAt == null),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return user is { IsDisabled: false } && SecurityStampClaim.Matches(securityStampClaim, user.SecurityStamp)
            ? new CallerReach(user.InAnyGroup, user.HoldsCollectionGrant)
            : null;
    }
}
