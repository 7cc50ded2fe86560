using System.Linq.Expressions;
using MediaVault.Application.Common;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Assets.Specifications;

public enum AssetScope
{
    All = 0,
    Owned = 1,
    Shared = 2,
}

/// <summary>
/// One page of the assets a caller may see, newest first, as one SQL statement. Visibility comes from
/// <see cref="AccessPolicy"/>: the caller's own assets (<see cref="AccessPolicy.OwnedBy"/>) and ready assets under an
/// active grant (<see cref="AccessPolicy.SharedWith"/>; the two sets are disjoint). Each set is its own arm, filtered,
/// ordered (createdAt desc, id desc) after the keyset cursor and cut to the page size, so that the database reads each
/// from its own index (the owner's assets by <c>(OwnerId, CreatedAt, Id)</c>, the shared ones through the caller's
/// grants) instead of walking every asset in the table; <c>scope=all</c> merges both arms (<c>UNION ALL</c>) and cuts
/// again. One row more than the limit is read to tell whether another page follows. See docs/performance.md.
/// </summary>
public static class VisibleAssetsPageQuery
{
    public static IQueryable<AssetListItem> Build(
        IQueryable<Asset> assets,
        UserId caller,
        DateTimeOffset now,
        AssetScope scope,
        MediaKind? kind,
        string? tag,
        string? text,
        KeysetCursor? after,
        int limit)
    {
        ArgumentNullException.ThrowIfNull(assets);
        var take = limit + 1;
        IQueryable<Asset> Arm(Expression<Func<Asset, bool>> visibility) =>
            Newest(Filter(assets.Where(visibility), kind, tag, text, after)).Take(take);

        var page = scope switch
        {
            AssetScope.Owned => Arm(AccessPolicy.OwnedBy(caller)),
            AssetScope.Shared => Arm(AccessPolicy.SharedWith(caller, now)),
            _ => Newest(Arm(AccessPolicy.OwnedBy(caller)).Union(Arm(AccessPolicy.SharedWith(caller, now)))).Take(take),
        };

        return page.Select(a => new AssetListItem(
            a.Id,
            a.OwnerId,
            a.Title,
            a.Description,
            a.FileName,
            a.ContentType,
            a.Kind,
            a.SizeBytes,
            a.Sha256,
            a.Status,
            a.Tags.Select(t => t.Value).ToList(),
            a.CreatedAt,
            a.UpdatedAt,
            a.Grants
                .Where(g => g.GranteeId == caller && g.RevokedAt == null && (g.ExpiresAt == null || g.ExpiresAt > now))
                .Select(g => (AccessRole?)g.Role)
                .FirstOrDefault(),
            a.Integrity,
            a.MediaWidth,
            a.MediaHeight,
            a.MediaDurationSeconds,
            a.MediaCodec,
            a.Renditions.Select(r => new RenditionDto(r.Name, r.Status, r.ContentType, r.Width, r.Height)).ToList()));
    }

    private static IQueryable<Asset> Filter(IQueryable<Asset> assets, MediaKind? kind, string? tag, string? text, KeysetCursor? after)
    {
        if (kind is { } k)
        {
            assets = assets.Where(a => a.Kind == k);
        }

        if (tag is not null)
        {
            assets = assets.Where(a => a.Tags.Any(t => t.Value == tag));
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            // A literal substring, case-insensitive: wildcards in the text match only themselves.
            var needle = text.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // Translated to SQL (lower(column) and a substring test); StringComparison overloads are not.
            assets = assets.Where(a =>
                a.Title.ToLower().Contains(needle)
                || (a.Description != null && a.Description.ToLower().Contains(needle))
                || a.FileName.ToLower().Contains(needle));
#pragma warning restore CA1862
        }

        if (after is { } cursor)
        {
            var (createdAt, id) = (cursor.CreatedAt, new AssetId(cursor.Id));
            assets = assets.Where(a => a.CreatedAt < createdAt || (a.CreatedAt == createdAt && a.Id < id));
        }

        return assets;
    }

    private static IQueryable<Asset> Newest(IQueryable<Asset> assets) =>
        assets.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id);
}
