using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Collections.Specifications;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Common;
using MediaVault.Domain.Sharing;

namespace MediaVault.Application.Collections.RevokeCollectionGrant;

public sealed record RevokeCollectionGrantCommand(Guid CollectionId, Guid GrantId);

/// <summary>
/// Ends a grant on a collection at once: the owner or a manager revokes any grant, a grantee leaves by revoking its
/// own. Whoever can no longer see the collection has nothing left to leave: it is not found.
/// </summary>
public sealed class RevokeCollectionGrantHandler(IRepository<Collection> collections, IQueryRunner queries, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Result> HandleAsync(RevokeCollectionGrantCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var collection = await collections.FirstOrDefaultAsync(new CollectionWithGrantsSpec(new CollectionId(command.CollectionId), forUpdate: true), cancellationToken);
        if (collection is null)
        {
            return Result.NotFound();
        }

        var actor = await queries.MembershipsAsync(currentUser.RequireId(), cancellationToken);
        try
        {
            var grant = collection.Grants.FirstOrDefault(g => g.Id == new GrantId(command.GrantId));
            if (grant is null)
            {
                // Before telling that a grant does not exist, make sure the caller may know: a viewer learns nothing of others' grants.
                collection.EnsureShareableBy(actor, now);
                return Result.NotFound();
            }

            collection.RevokeGrant(actor, grant.Id, now);
        }
        catch (BusinessRuleViolationException violation)
        {
            return CollectionRuleOutcomes.ToResult(violation);
        }

        await collections.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
