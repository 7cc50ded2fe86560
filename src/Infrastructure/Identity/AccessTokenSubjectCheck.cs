using MediaVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Infrastructure.Identity;

/// <summary>
/// Run for every validated access token: the account must still exist, not be disabled, and have the security stamp
/// the token was issued with. One primary-key lookup of two columns, so disabling an account or resetting its
/// password takes effect on the next request rather than when the token expires.
/// </summary>
public sealed class AccessTokenSubjectCheck(MediaVaultDbContext db)
{
    public async Task<bool> IsCurrentAsync(string? subject, string? securityStampClaim, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(subject, out var id) || string.IsNullOrEmpty(securityStampClaim))
        {
            return false;
        }

        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new { u.IsDisabled, u.SecurityStamp })
            .SingleOrDefaultAsync(cancellationToken);
        return user is { IsDisabled: false } && SecurityStampClaim.Matches(securityStampClaim, user.SecurityStamp);
    }
}
