using MediaVault.Application.Assets;
using MediaVault.Application.Sharing;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Sharing;

namespace MediaVault.Application.Collections.Links;

/// <summary>
/// A collection link without its token (which is never kept): the asset-link shape (<see cref="LinkDto"/>) plus its
/// kind, its upload limit and count, and whether a view link gives originals.
/// </summary>
public sealed record CollectionLinkDto(LinkDto Link, LinkKind Kind, int? MaxUploads, int UploadCount, bool AllowDownload)
{
    public static CollectionLinkDto From(ShareLink link, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(link);
        return new CollectionLinkDto(LinkDto.From(link, now), link.Kind, link.MaxUploads, link.UploadCount, link.AllowDownload);
    }
}

/// <summary>A collection link just created: the only time its token and URL are ever shown.</summary>
public sealed record CreatedCollectionLinkDto(CollectionLinkDto Link, string Token, Uri Url);

/// <summary>
/// What an anonymous holder of a view link sees of one of the collection's assets: public fields only (no owner, no
/// tags, no description, no digest, no access).
/// </summary>
public sealed record PublicLinkAssetDto(
    Guid Id, string Title, string FileName, string ContentType, MediaKind Kind, long SizeBytes, MediaDto? Media, IReadOnlyList<RenditionDto> Renditions);
