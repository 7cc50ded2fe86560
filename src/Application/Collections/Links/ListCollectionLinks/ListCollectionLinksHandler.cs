using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Collections.Specifications;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Common;
using MediaVault.Domain.Sharing;

namespace MediaVault.Application.Collections.Links.ListCollectionLinks;

public sealed record ListCollectionLinksQuery(Guid CollectionId);

/// <summary>
/// The links of a collection that have not been revoked, newest first, without tokens, for its owner and managers.
/// Expired and used-up links are listed with <c>active: false</c> until they are revoked.
/// </summary>
public sealed class ListCollectionLinksHandler(
    IReadRepository<Collection> collections, IReadRepository<ShareLink> links, IQueryRunner queries, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<CollectionLinkDto>>> HandleAsync(ListCollectionLinksQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var caller = currentUser.RequireId();
        var now = clock.GetUtcNow();
        var collectionId = new CollectionId(query.CollectionId);
        var collection = await collections.FirstOrDefaultAsync(new CollectionWithGrantsSpec(collectionId, forUpdate: false), cancellationToken);
        if (collection is null)
        {
            return Result<IReadOnlyList<CollectionLinkDto>>.NotFound();
        }

        try
        {
            collection.EnsureShareableBy(await queries.MembershipsAsync(caller, cancellationToken), now);
        }
        catch (BusinessRuleViolationException violation)
        {
            return CollectionRuleOutcomes.ToResult<IReadOnlyList<CollectionLinkDto>>(violation);
        }

        var rows = await links.ListAsync(new LiveLinksOfCollectionSpec(collectionId), cancellationToken);
        IReadOnlyList<CollectionLinkDto> items = [.. rows.Select(l => CollectionLinkDto.From(l, now))];
        return Result.Success(items);
    }
}
