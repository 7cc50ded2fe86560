using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets;
using MediaVault.Application.Assets.Specifications;
using MediaVault.Application.Common;
using MediaVault.Application.Sharing;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Media;
using MediaVault.Domain.Collections;

namespace MediaVault.Application.Collections.Links.ListLinkAssets;

/// <summary><c>GET /public/links/{token}/assets</c>: the link's password (from <c>X-Link-Password</c>) and the page asked for.</summary>
public sealed record ListLinkAssetsQuery(string Token, string? Password, int? Limit = null, string? Cursor = null);

/// <summary>
/// An anonymous holder of a view link lists the collection's shown assets (<see cref="ViewLinks.Contents"/>) with
/// public fields only, newest first (createdAt desc, id desc), one keyset page at a time; cursors are signed for this
/// link alone. Each page is recorded as <c>link.viewed</c> on the collection.
/// </summary>
public sealed class ListLinkAssetsHandler(
    PublicLinkGate gate, IRepository<Domain.Sharing.ShareLink> links, IQueryRunner queries, ICursorSigner cursors, IClientAddress client, TimeProvider clock)
{
    /// <summary>The name this list's cursors are signed with, with the link's id: a cursor of another list or link is not accepted.</summary>
    public const string CursorList = "link-assets";

    public async Task<LinkResult<Page<PublicLinkAssetDto>>> HandleAsync(ListLinkAssetsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var now = clock.GetUtcNow();
        var opening = await gate.OpenAsync(query.Token, query.Password, LinkKinds.View, checkPassword: true, now, cancellationToken);
        if (opening.Link is not { CollectionId: { } collectionId } link)
        {
            return opening.Refuse<Page<PublicLinkAssetDto>>();
        }

        var list = $"{CursorList}:{link.Id}";
        var validation = new Validation().Paging(query.Limit, query.Cursor, cursors, list, out var cursor);
        if (!validation.IsValid)
        {
            return validation.ToResult<Page<PublicLinkAssetDto>>();
        }

        var limit = query.Limit ?? Paging.DefaultLimit;
        var entries = queries.Source<CollectionEntry>().Where(e => e.CollectionId == collectionId);
        if (cursor is { } c)
        {
            var (createdAt, id) = (c.CreatedAt, new AssetId(c.Id));
            entries = entries.Where(e => e.AssetCreatedAt < createdAt || (e.AssetCreatedAt == createdAt && e.AssetId < id));
        }

        // The page's keys from the entries' index, then its assets by a semi-join (as the collection's own listing does).
        var keys = entries
            .Join(ViewLinks.Contents(queries, collectionId), e => e.AssetId, a => a.Id, (e, a) => new { e.AssetCreatedAt, e.AssetId })
            .OrderByDescending(x => x.AssetCreatedAt).ThenByDescending(x => x.AssetId)
            .Take(limit + 1)
            .Select(x => x.AssetId);
        var rows = await queries.ListAsync(
            queries.Source<Asset>().Where(a => keys.Contains(a.Id)).OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
                .Select(a => new LinkAssetRow(
                    a.Id.Value,
                    a.Title,
                    a.FileName,
                    a.ContentType,
                    a.Kind,
                    a.SizeBytes,
                    a.CreatedAt,
                    a.MediaWidth,
                    a.MediaHeight,
                    a.MediaDurationSeconds,
                    a.MediaCodec,
                    ListedCollections.Renditions(a.Renditions.GroupBy(r => 1).Select(g => string.Join(
                        ListedCollections.ItemSeparator,
                        g.Select(r => r.Name + ListedCollections.FieldSeparator + r.Status + ListedCollections.FieldSeparator + r.ContentType
                            + ListedCollections.FieldSeparator + r.Width + ListedCollections.FieldSeparator + r.Height))).FirstOrDefault()))),
            cancellationToken);

        var page = rows.Take(limit).ToList();
        var items = page.Select(r => r.ToDto()).ToList();
        var next = rows.Count > limit ? new KeysetCursor(page[^1].CreatedAt, page[^1].Id).Encode(cursors, list) : null;

        link.RecordView(null, now, client.Truncated);
        await links.SaveChangesAsync(cancellationToken);
        return Result.Success(new Page<PublicLinkAssetDto>(items, next));
    }

    /// <summary>What the listing reads of one asset.</summary>
    private sealed record LinkAssetRow(
        Guid Id,
        string Title,
        string FileName,
        string ContentType,
        MediaKind Kind,
        long SizeBytes,
        DateTimeOffset CreatedAt,
        int? MediaWidth,
        int? MediaHeight,
        double? MediaDurationSeconds,
        string? MediaCodec,
        List<RenditionDto> Renditions)
    {
        public PublicLinkAssetDto ToDto() => new(
            Id,
            Title,
            FileName,
            ContentType,
            Kind,
            SizeBytes,
            MediaInfo.Create(MediaWidth, MediaHeight, MediaDurationSeconds, MediaCodec) is { IsEmpty: false } media ? media.ToDto() : null,
            AssetMapper.Ordered(Renditions));
    }
}
