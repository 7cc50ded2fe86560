using System.ComponentModel.DataAnnotations;
using MediaVault.Application.Collections.Links;
using MediaVault.Application.Common;
using Riok.Mapperly.Abstractions;

namespace MediaVault.WebApi.Contracts;

/// <summary>What a public link opens: one asset (tier 1), a collection's contents (view), or a drop into a collection (upload).</summary>
public enum LinkKind
{
    Asset,
    View,
    Upload,
}

/// <summary>
/// Open a link to the collection. <c>kind</c>: <c>view</c> (its contents: listing, renditions, originals when
/// <c>allowDownload</c>) or <c>upload</c> (a drop into it). Optional: <c>expiresAt</c> in the future (within
/// <c>Links__MaxExpiryDays</c> when set; <c>Links__DefaultExpiryDays</c> from now when left out and set),
/// <c>password</c>; for a view link <c>maxDownloads</c> (at least 1) and <c>allowDownload</c> (default true); for an
/// upload link <c>maxUploads</c> (at least 1). A limit of the other kind is 400 naming it.
/// </summary>
public sealed record CreateCollectionLinkRequest(
    [property: Required, AllowedValues("view", "upload")] string? Kind,
    DateTimeOffset? ExpiresAt = null,
    string? Password = null,
    int? MaxDownloads = null,
    int? MaxUploads = null,
    bool? AllowDownload = null);

/// <summary>
/// A collection link just created: the asset-link shape plus <c>kind</c>, <c>maxUploads</c>, <c>uploadCount</c> and
/// <c>allowDownload</c> (always false for an upload link). <c>token</c> and <c>url</c> are shown only in this response.
/// </summary>
public sealed record CreatedCollectionLinkResponse(
    Guid Id,
    string Token,
    Uri Url,
    LinkKind Kind,
    DateTimeOffset? ExpiresAt,
    bool HasPassword,
    int? MaxDownloads,
    int DownloadCount,
    int? MaxUploads,
    int UploadCount,
    bool AllowDownload,
    DateTimeOffset CreatedAt,
    Guid CreatedBy,
    bool Active);

/// <summary>
/// A collection link, without its token. <c>active</c> is false once it has expired, or, for an upload link, is out
/// of uploads (a view link out of downloads still lists and shows renditions, so it stays active).
/// </summary>
public sealed record CollectionLinkResponse(
    Guid Id,
    LinkKind Kind,
    DateTimeOffset? ExpiresAt,
    bool HasPassword,
    int? MaxDownloads,
    int DownloadCount,
    int? MaxUploads,
    int UploadCount,
    bool AllowDownload,
    DateTimeOffset CreatedAt,
    Guid CreatedBy,
    bool Active);

/// <summary>What a collection link's holder may know about the collection.</summary>
public sealed record PublicCollectionResponse(string Name, string? Description);

/// <summary>One of the assets a view link lists: public fields only.</summary>
public sealed record PublicLinkAssetResponse(
    Guid Id,
    string Title,
    string FileName,
    string ContentType,
    AssetKind Kind,
    long SizeBytes,
    MediaResponse? Media,
    [property: Required] IReadOnlyList<RenditionResponse> Renditions);

/// <summary>Collection links and what view links show, as the HTTP contract has them; enums map by name.</summary>
[Mapper(EnumMappingStrategy = EnumMappingStrategy.ByName)]
public static partial class CollectionLinkContractMapper
{
    public static partial PublicLinkAssetResponse ToResponse(this PublicLinkAssetDto asset);

    public static PageResponse<PublicLinkAssetResponse> ToResponse(this Page<PublicLinkAssetDto> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new PageResponse<PublicLinkAssetResponse>([.. page.Items.Select(ToResponse)], page.NextCursor);
    }

    public static CollectionLinkResponse ToResponse(this CollectionLinkDto link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var l = link.Link;
        return new CollectionLinkResponse(
            l.Id, ToContract(link.Kind), l.ExpiresAt, l.HasPassword, l.MaxDownloads, l.DownloadCount, link.MaxUploads, link.UploadCount,
            link.AllowDownload, l.CreatedAt, l.CreatedBy, l.Active);
    }

    public static CreatedCollectionLinkResponse ToResponse(this CreatedCollectionLinkDto created)
    {
        ArgumentNullException.ThrowIfNull(created);
        var link = created.Link;
        var l = link.Link;
        return new CreatedCollectionLinkResponse(
            l.Id, created.Token, created.Url, ToContract(link.Kind), l.ExpiresAt, l.HasPassword, l.MaxDownloads, l.DownloadCount, link.MaxUploads,
            link.UploadCount, link.AllowDownload, l.CreatedAt, l.CreatedBy, l.Active);
    }

    private static partial LinkKind ToContract(Domain.Sharing.LinkKind kind);
}
