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
    /// <summary>
    /// Compiled (<see cref="CompiledPerModel{TQuery}"/>): it runs before every authenticated request, so it skips what EF does
    /// for each LINQ query it is handed (parameter extraction and the look-up of its cached translation).
    /// </summary>
    private static readonly CompiledPerModel<Func<MediaVaultDbContext, Guid, UserId, CancellationToken, Task<Subject?>>> FindSubject = new(() =>
        EF.CompileAsyncQuery((MediaVaultDbContext db, Guid id, UserId person, CancellationToken _) =>
            db.Users.AsNoTracking()
                .Where(u => u.Id == id)
                .Select(u => new Subject(
                    u.IsDisabled,
                    u.SecurityStamp,
                    db.Set<GroupMember>().Any(m => m.UserId == person),
                    db.Set<CollectionGrant>().Any(g => g.GranteeId == person && g.RevokedAt == null)))
                .SingleOrDefault()));

    /// <summary>
    /// Whether the check can ride with the request's first statement instead (<see cref="DeferredAccountCheck"/>,
    /// ADR-084): on PostgreSQL, where <see cref="AccountCheckInterceptor"/> sends it in the same batch.
    /// </summary>
    public bool CanRideWithFirstStatement => db.Database.IsNpgsql();

    /// <summary>
    /// Whether the token whose check was left to the request's statements is current: as a statement found, or, when
    /// none could tell (none ran, or the one that carried it failed first), as this check finds now.
    /// </summary>
    public async Task<bool> SettleAsync(DeferredAccountCheck deferred, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deferred);
        if (!deferred.IsPending)
        {
            return !deferred.IsRefused;
        }

        // Taken, so that the statement below does not carry it too.
        deferred.TryTake();
        if (await CheckAsync(deferred.Subject.ToString(), deferred.Claim, cancellationToken) is { } reach)
        {
            deferred.Pass(reach);
            return true;
        }

        deferred.Refuse();
        return false;
    }

    /// <summary>The caller's reach when the token is current, else <c>null</c> (the token must be refused).</summary>
    public async Task<CallerReach?> CheckAsync(string? subject, string? securityStampClaim, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(subject, out var id) || string.IsNullOrEmpty(securityStampClaim))
        {
            return null;
        }

        var user = await FindSubject.For(db)(db, id, new UserId(id), cancellationToken);
        return user is { IsDisabled: false } && SecurityStampClaim.Matches(securityStampClaim, user.SecurityStamp)
            ? new CallerReach(user.InAnyGroup, user.HoldsCollectionGrant)
            : null;
    }

    private sealed record Subject(bool IsDisabled, string? SecurityStamp, bool InAnyGroup, bool HoldsCollectionGrant);
}
