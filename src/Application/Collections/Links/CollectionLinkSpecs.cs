using Ardalis.Specification;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Sharing;

namespace MediaVault.Application.Collections.Links;

/// <summary>A link of one collection that has not been revoked; a link of another collection (or an asset) is not found.</summary>
public sealed class LiveLinkOfCollectionSpec : SingleResultSpecification<ShareLink>
{
    public LiveLinkOfCollectionSpec(CollectionId collectionId, LinkId linkId)
    {
        Query.Where(l => l.Id == linkId && l.CollectionId == collectionId && l.RevokedAt == null);
    }
}

/// <summary>The links of one collection that have not been revoked, newest first.</summary>
public sealed class LiveLinksOfCollectionSpec : Specification<ShareLink>
{
    public const int MaxLinks = 500;

    public LiveLinksOfCollectionSpec(CollectionId collectionId)
    {
        Query.Where(l => l.CollectionId == collectionId && l.RevokedAt == null)
            .OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id)
            .Take(MaxLinks)
            .AsNoTracking();
    }
}
