using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Collections.Specifications;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Common;

namespace MediaVault.Application.Collections.DeleteCollection;

public sealed record DeleteCollectionCommand(Guid CollectionId);

/// <summary>
/// The owner deletes the collection with its entries and grants (the database removes the rows the request did not
/// load). The assets stay; access inherited through the collection ends with the next request.
/// </summary>
public sealed class DeleteCollectionHandler(IRepository<Collection> collections, IQueryRunner queries, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Result> HandleAsync(DeleteCollectionCommand command, CancellationToken cancellationToken)
    {
        var collection = await collections.FirstOrDefaultAsync(new CollectionWithGrantsSpec(new CollectionId(command.CollectionId), forUpdate: true), cancellationToken);
        if (collection is null)
        {
            return Result.NotFound();
        }

        try
        {
            collection.Delete(await queries.MembershipsAsync(currentUser.RequireId(), cancellationToken), clock.GetUtcNow());
        }
        catch (BusinessRuleViolationException violation)
        {
            return CollectionRuleOutcomes.ToResult(violation);
        }

        await collections.DeleteAsync(collection, cancellationToken);
        return Result.Success();
    }
}
