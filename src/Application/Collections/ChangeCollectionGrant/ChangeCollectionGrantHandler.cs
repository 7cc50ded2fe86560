using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Collections.Specifications;
using MediaVault.Application.Common;
using MediaVault.Application.Sharing;
using MediaVault.Domain.Access;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Common;
using MediaVault.Domain.Sharing;

namespace MediaVault.Application.Collections.ChangeCollectionGrant;

/// <summary>
/// <c>Role</c> <c>null</c> keeps the role. <c>ExpiresAtGiven</c> says whether the request named <c>expiresAt</c> at all:
/// named as <c>null</c> it removes the expiry, not named it keeps it. <c>AllowDownload</c> <c>null</c> keeps it.
/// </summary>
public sealed record ChangeCollectionGrantCommand(Guid CollectionId, Guid GrantId, string? Role, DateTimeOffset? ExpiresAt, bool ExpiresAtGiven, bool? AllowDownload);

/// <summary>The owner or a manager changes the role, download permission or expiry of someone else's grant on the collection.</summary>
public sealed class ChangeCollectionGrantHandler(
    IRepository<Collection> collections, IQueryRunner queries, IUserDirectory users, IGroupQueries groups, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Result<CollectionGrantDto>> HandleAsync(ChangeCollectionGrantCommand command, CancellationToken cancellationToken)
    {
        var caller = currentUser.RequireId();
        var now = clock.GetUtcNow();
        var collection = await collections.FirstOrDefaultAsync(new CollectionWithGrantsSpec(new CollectionId(command.CollectionId), forUpdate: true), cancellationToken);
        if (collection is null)
        {
            return Result<CollectionGrantDto>.NotFound();
        }

        var actor = await queries.MembershipsAsync(caller, cancellationToken);
        try
        {
            collection.EnsureShareableBy(actor, now);
            var grant = collection.Grants.FirstOrDefault(g => g.Id == new GrantId(command.GrantId));
            if (grant is null)
            {
                return Result<CollectionGrantDto>.NotFound();
            }

            var validation = new Validation();
            AccessRole? role = null;
            if (command.Role is not null)
            {
                validation.When(!GrantRoles.TryParse(command.Role, out var parsed), "role", $"role must be one of {GrantRoles.Allowed}.");
                role = parsed;
            }

            validation.When(command.ExpiresAt is { } expiry && expiry <= now, "expiresAt", "expiresAt must lie in the future (or be null for no expiry).");
            if (!validation.IsValid)
            {
                return validation.ToResult<CollectionGrantDto>();
            }

            var clearExpiry = command.ExpiresAtGiven && command.ExpiresAt is null;
            collection.ChangeGrant(actor, grant.Id, role, command.AllowDownload, command.ExpiresAt, clearExpiry, now);
            await collections.SaveChangesAsync(cancellationToken);
            return Result.Success((await CollectionGrantDto.DescribeAsync([grant], users, groups, now, cancellationToken))[0]);
        }
        catch (BusinessRuleViolationException violation)
        {
            return CollectionRuleOutcomes.ToResult<CollectionGrantDto>(violation);
        }
    }
}
