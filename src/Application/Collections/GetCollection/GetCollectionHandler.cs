using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Collections.Specifications;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Common;

namespace MediaVault.Application.Collections.GetCollection;

public sealed record GetCollectionQuery(Guid CollectionId);

/// <summary>The owner and anyone with an active grant on it (to them or one of their groups) read a collection; to others it does not exist.</summary>
public sealed class GetCollectionHandler(IReadRepository<Collection> collections, IQueryRunner queries, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Result<CollectionDto>> HandleAsync(GetCollectionQuery query, CancellationToken cancellationToken)
    {
        var caller = currentUser.RequireId();
        var now = clock.GetUtcNow();
        var collection = await collections.FirstOrDefaultAsync(new CollectionWithGrantsSpec(new CollectionId(query.CollectionId), forUpdate: false), cancellationToken);
        if (collection is null)
        {
            return Result<CollectionDto>.NotFound();
        }

        CollectionAccess access;
        try
        {
            access = collection.EnsureVisibleTo(await queries.MembershipsAsync(caller, cancellationToken), now);
        }
        catch (BusinessRuleViolationException violation)
        {
            return CollectionRuleOutcomes.ToResult<CollectionDto>(violation);
        }

        var counts = await queries.VisibleAssetCountsAsync([collection.Id], caller, now, cancellationToken);
        return Result.Success(CollectionDto.From(collection, access, counts.GetValueOrDefault(collection.Id)));
    }
}
