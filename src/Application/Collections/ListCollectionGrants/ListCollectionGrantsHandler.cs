using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Collections.Specifications;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Common;

namespace MediaVault.Application.Collections.ListCollectionGrants;

public sealed record ListCollectionGrantsQuery(Guid CollectionId);

/// <summary>
/// The grants on a collection that have not been revoked, newest first, for the owner and managers. Expired grants are
/// listed too (with <c>active: false</c>) so that they can be renewed or removed; they give nothing.
/// </summary>
public sealed class ListCollectionGrantsHandler(
    IReadRepository<Collection> collections, IQueryRunner queries, IUserDirectory users, IGroupQueries groups, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<CollectionGrantDto>>> HandleAsync(ListCollectionGrantsQuery query, CancellationToken cancellationToken)
    {
        var caller = currentUser.RequireId();
        var now = clock.GetUtcNow();
        var collection = await collections.FirstOrDefaultAsync(new CollectionWithGrantsSpec(new CollectionId(query.CollectionId), forUpdate: false), cancellationToken);
        if (collection is null)
        {
            return Result<IReadOnlyList<CollectionGrantDto>>.NotFound();
        }

        try
        {
            collection.EnsureShareableBy(await queries.MembershipsAsync(caller, cancellationToken), now);
        }
        catch (BusinessRuleViolationException violation)
        {
            return CollectionRuleOutcomes.ToResult<IReadOnlyList<CollectionGrantDto>>(violation);
        }

        var grants = collection.Grants.OrderByDescending(g => g.CreatedAt).ThenByDescending(g => g.Id.Value).ToList();
        return Result.Success(await CollectionGrantDto.DescribeAsync(grants, users, groups, now, cancellationToken));
    }
}
