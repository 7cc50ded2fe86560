using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Collections.Specifications;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Common;
using MediaVault.Domain.Sharing;

namespace MediaVault.Application.Collections.Links.RevokeCollectionLink;

public sealed record RevokeCollectionLinkCommand(Guid CollectionId, Guid LinkId);

/// <summary>
/// The collection's owner or a manager revokes one of its links; it stops working with the next request. A link of
/// another collection, or one already revoked, is not found (once the caller may know).
/// </summary>
public sealed class RevokeCollectionLinkHandler(
    IReadRepository<Collection> collections, IRepository<ShareLink> links, IQueryRunner queries, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Result> HandleAsync(RevokeCollectionLinkCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = clock.GetUtcNow();
        var collectionId = new CollectionId(command.CollectionId);
        var collection = await collections.FirstOrDefaultAsync(new CollectionWithGrantsSpec(collectionId, forUpdate: false), cancellationToken);
        if (collection is null)
        {
            return Result.NotFound();
        }

        var actor = await queries.MembershipsAsync(currentUser.RequireId(), cancellationToken);
        try
        {
            // Before telling whether the link exists, make sure the caller may know.
            collection.EnsureShareableBy(actor, now);
            var link = await links.FirstOrDefaultAsync(new LiveLinkOfCollectionSpec(collectionId, new LinkId(command.LinkId)), cancellationToken);
            if (link is null)
            {
                return Result.NotFound();
            }

            link.Revoke(collection, actor, now);
        }
        catch (BusinessRuleViolationException violation)
        {
            return CollectionRuleOutcomes.ToResult(violation);
        }

        await links.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
