using Ardalis.Specification;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Sharing.Specifications;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Sharing;

namespace MediaVault.Application.Collections.Links;

/// <summary>
/// What a view link shows: the collection's assets that anyone may be shown (<see cref="AccessPolicy.ShareableState"/>:
/// ready, not in doubt, not in the trash) and that inherit access (an asset its owner took out of collection access is
/// not shown through the collection's links either). Applied in SQL, for the listing and for each single-asset call.
/// </summary>
public static class ViewLinks
{
    /// <summary>A link with less than this left to live gives no URL (none would be worth having) and counts nothing.</summary>
    public static readonly TimeSpan MinimumUrlLifetime = TimeSpan.FromSeconds(3);

    /// <summary>The assets a view link on <paramref name="collectionId"/> lists, as a query over the stored rows.</summary>
    public static IQueryable<Asset> Contents(IQueryRunner queries, CollectionId collectionId)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var entries = queries.Source<CollectionEntry>().Where(e => e.CollectionId == collectionId);
        return queries.Source<Asset>()
            .Where(AccessPolicy.ShareableState())
            .Where(a => a.InheritsAccess && entries.Any(e => e.AssetId == a.Id));
    }

    /// <summary>One asset a view link lists, loaded, or <c>null</c> when the link does not list it (or it does not exist).</summary>
    public static async Task<Asset?> FindListedAsync(
        IQueryRunner queries, IReadRepositoryBase<Asset> assets, ShareLink link, Guid assetId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(assets);
        ArgumentNullException.ThrowIfNull(link);
        if (link.CollectionId is not { } collectionId)
        {
            return null;
        }

        var id = new AssetId(assetId);
        var listed = await queries.ListAsync(Contents(queries, collectionId).Where(a => a.Id == id).Select(a => a.Id), cancellationToken);
        return listed.Count == 0 ? null : await assets.FirstOrDefaultAsync(new AssetByIdSpec(id), cancellationToken);
    }

    /// <summary>
    /// When a URL handed out through <paramref name="link"/> now expires: after <paramref name="ttl"/>, never after the link;
    /// <c>null</c> when the link has less than <see cref="MinimumUrlLifetime"/> left.
    /// </summary>
    public static DateTimeOffset? UrlExpiry(ShareLink link, TimeSpan ttl, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (link.ExpiresAt is { } closing && closing - now < MinimumUrlLifetime)
        {
            return null;
        }

        var expiresAt = now + ttl;
        return link.ExpiresAt is { } expiry && expiry < expiresAt ? expiry : expiresAt;
    }
}
