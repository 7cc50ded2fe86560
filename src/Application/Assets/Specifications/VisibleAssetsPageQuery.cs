using MediaVault.Application.Abstractions;
using MediaVault.Application.Access;
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
/// One page of the assets a caller may see, newest first, as one SQL statement: the keyset arms of
/// <see cref="EffectiveAccessQuery.VisiblePage"/> (owned; shared through grants to the person, to its groups, and
/// through collections), each row projected with the caller's strongest grant and collection roles, from which
/// <see cref="AccessPolicy.Decide"/> derives the capabilities. PostgreSQL sends its own form of the whole page instead
/// (<see cref="IVisiblePageSource"/>, ADR-076, ADR-082). See docs/performance.md.
/// </summary>
public static class VisibleAssetsPageQuery
{
    /// <summary>The request's page in the LINQ form (SQLite, the embedded default), projected as the list shows it.</summary>
    public static IQueryable<AssetListItem> Build(AccessSources sources, VisiblePageRequest request)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(request);
        var page = EffectiveAccessQuery.VisiblePage(
            sources, request.Person, request.Now, request.Owned, request.Shared,
            assets => Filter(assets, request.Kind, request.Tag, request.Needle), request.After, request.Take, request.Reach);
        return Project(sources, page, request.Person, request.Now, request.Take, request.ThroughCollections);
    }

    /// <summary>
    /// Each asset of a page with what the list shows, and the caller's strongest paths to it. Given the page's
    /// <paramref name="take"/> (its cut), the paths are read once per asset of the page, before its tags and renditions
    /// are joined (PostgreSQL would otherwise evaluate them once per joined row); <paramref name="page"/> is then expected
    /// in keyset order, newest first. Without <paramref name="throughCollections"/> (the caller's reach says no
    /// collection can lead it anywhere) the collection paths are not looked up.
    /// </summary>
    public static IQueryable<AssetListItem> Project(
        AccessSources sources, IQueryable<Asset> page, UserId caller, DateTimeOffset now, int? take = null, bool throughCollections = true)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var grants = EffectiveAccessQuery.ActiveGrantsOf(sources, caller, now);
        var collectionGrants = EffectiveAccessQuery.ActiveCollectionGrantsOf(sources, caller, now);
        var entries = sources.Entries;
        var withPaths = throughCollections
            ? page.Select(a => new PagedAsset
            {
                Asset = a,
                GrantRank = grants.Where(g => g.AssetId == a.Id).Max(g => (int?)(g.Role == AccessRole.Manager ? 3 : g.Role == AccessRole.Editor ? 2 : 1)),
                GrantAllowsDownload = grants.Any(g => g.AssetId == a.Id && g.AllowDownload),
                InheritedRank = entries.Where(e => e.AssetId == a.Id).Join(collectionGrants, e => e.CollectionId, g => g.CollectionId, (e, g) => g)
                    .Max(g => (int?)(g.Role == AccessRole.Manager ? 3 : g.Role == AccessRole.Editor ? 2 : 1)),
                InheritedAllowsDownload = entries.Where(e => e.AssetId == a.Id).Join(collectionGrants, e => e.CollectionId, g => g.CollectionId, (e, g) => g).Any(g => g.AllowDownload),
            })
            : page.Select(a => new PagedAsset
            {
                Asset = a,
                GrantRank = grants.Where(g => g.AssetId == a.Id).Max(g => (int?)(g.Role == AccessRole.Manager ? 3 : g.Role == AccessRole.Editor ? 2 : 1)),
                GrantAllowsDownload = grants.Any(g => g.AssetId == a.Id && g.AllowDownload),
                InheritedRank = null,
                InheritedAllowsDownload = false,
            });
        if (take is { } cut)
        {
            // A cut makes EF Core send the paths in a subquery of the page's rows, under the joins of its collections.
            withPaths = withPaths.OrderByDescending(x => x.Asset.CreatedAt).ThenByDescending(x => x.Asset.Id).Take(cut);
        }

        return withPaths.Select(x => new AssetListItem(
            x.Asset.Id,
            x.Asset.OwnerId,
            x.Asset.Title,
            x.Asset.Description,
            x.Asset.FileName,
            x.Asset.ContentType,
            x.Asset.Kind,
            x.Asset.SizeBytes,
            x.Asset.Sha256,
            x.Asset.Status,
            x.Asset.Tags.Select(t => t.Value).ToList(),
            x.Asset.CreatedAt,
            x.Asset.UpdatedAt,
            x.Asset.Integrity,
            x.Asset.InheritsAccess,
            x.GrantRank,
            x.GrantAllowsDownload,
            x.InheritedRank,
            x.InheritedAllowsDownload,
            x.Asset.MediaWidth,
            x.Asset.MediaHeight,
            x.Asset.MediaDurationSeconds,
            x.Asset.MediaCodec,
            ListedCollections.Renditions(x.Asset.Renditions.GroupBy(r => 1).Select(g => string.Join(
                ListedCollections.ItemSeparator,
                g.Select(r => r.Name + ListedCollections.FieldSeparator + r.Status + ListedCollections.FieldSeparator + r.ContentType
                    + ListedCollections.FieldSeparator + r.Width + ListedCollections.FieldSeparator + r.Height))).FirstOrDefault())));
    }

    public static IQueryable<Asset> Filter(IQueryable<Asset> assets, MediaKind? kind, string? tag, string? text)
    {
        ArgumentNullException.ThrowIfNull(assets);
        if (kind is { } k)
        {
            assets = assets.Where(a => a.Kind == k);
        }

        if (tag is not null)
        {
            assets = assets.Where(a => a.Tags.Any(t => t.Value == tag));
        }

        if (Needle(text) is { } needle)
        {
            // A literal substring, case-insensitive: wildcards in the text match only themselves.
#pragma warning disable CA1862 // Translated to SQL (lower(column) and a substring test); StringComparison overloads are not.
            assets = assets.Where(a =>
                a.Title.ToLower().Contains(needle)
                || (a.Description != null && a.Description.ToLower().Contains(needle))
                || a.FileName.ToLower().Contains(needle));
#pragma warning restore CA1862
        }

        return assets;
    }

    /// <summary>The search text as <see cref="Filter"/> compares it (trimmed, lower case), or null for no search.</summary>
    public static string? Needle(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ToLowerInvariant();
}

/// <summary>An asset of a page with the caller's strongest paths to it, before the list's shape is projected.</summary>
public sealed class PagedAsset
{
    public required Asset Asset { get; init; }

    public int? GrantRank { get; init; }

    public bool GrantAllowsDownload { get; init; }

    public int? InheritedRank { get; init; }

    public bool InheritedAllowsDownload { get; init; }
}
