using Ardalis.Specification;
using MediaVault.Domain.Activity;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Sharing;

namespace MediaVault.Application.Sharing.Specifications;

/// <summary>
/// One asset with every grant that has not been revoked (expired ones included): what the owner and managers work on.
/// Revoked grants are history and stay in the database only.
/// </summary>
public sealed class AssetWithGrantsSpec : SingleResultSpecification<Asset>
{
    public AssetWithGrantsSpec(AssetId id, bool forUpdate)
    {
        Query.Where(a => a.Id == id)
            .Include(a => a.Grants.Where(g => g.RevokedAt == null));
        if (!forUpdate)
        {
            Query.AsNoTracking();
        }
    }
}

/// <summary>The link whose token hashes to the given hash, revoked or not (the caller decides).</summary>
public sealed class LinkByTokenHashSpec : SingleResultSpecification<ShareLink>
{
    public LinkByTokenHashSpec(string tokenHash, bool forUpdate)
    {
        Query.Where(l => l.TokenHash == tokenHash);
        if (!forUpdate)
        {
            Query.AsNoTracking();
        }
    }
}

/// <summary>A link of one asset that has not been revoked; a link of another asset is not found.</summary>
public sealed class LiveLinkOfAssetSpec : SingleResultSpecification<ShareLink>
{
    public LiveLinkOfAssetSpec(AssetId assetId, LinkId linkId)
    {
        Query.Where(l => l.Id == linkId && l.AssetId == assetId && l.RevokedAt == null);
    }
}

/// <summary>The links of one asset that have not been revoked, newest first.</summary>
public sealed class LiveLinksOfAssetSpec : Specification<ShareLink>
{
    public const int MaxLinks = 500;

    public LiveLinksOfAssetSpec(AssetId assetId)
    {
        Query.Where(l => l.AssetId == assetId && l.RevokedAt == null)
            .OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id)
            .Take(MaxLinks)
            .AsNoTracking();
    }
}

/// <summary>One keyset page of an asset's activity, newest first (at desc, id desc), one entry more than the limit.</summary>
public sealed class ActivityPageSpec : Specification<ActivityEntry>
{
    public ActivityPageSpec(AssetId assetId, DateTimeOffset? afterAt, ActivityEntryId? afterId, int limit)
    {
        Query.Where(e => e.AssetId == assetId);
        if (afterAt is { } at && afterId is { } id)
        {
            Query.Where(e => e.At < at || (e.At == at && e.Id < id));
        }

        Query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(limit + 1)
            .AsNoTracking();
    }
}

/// <summary>One asset, read only, without grants: what a public link shows and downloads.</summary>
public sealed class AssetByIdSpec : SingleResultSpecification<Asset>
{
    public AssetByIdSpec(AssetId id)
    {
        Query.Where(a => a.Id == id).AsNoTracking();
    }
}

/// <summary>One collection, read only, without grants: what a collection link shows of it.</summary>
public sealed class CollectionByIdSpec : SingleResultSpecification<Domain.Collections.Collection>
{
    public CollectionByIdSpec(Domain.Collections.CollectionId id)
    {
        Query.Where(c => c.Id == id).AsNoTracking();
    }
}
