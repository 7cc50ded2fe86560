using System.ComponentModel.DataAnnotations;

namespace MediaVault.WebApi.Contracts;

/// <summary>image, video or audio: follows from the content type.</summary>
public enum AssetKind
{
    Image,
    Video,
    Audio,
}

/// <summary>pending until the bytes are stored and the upload completed, then ready.</summary>
public enum AssetStatus
{
    Pending,
    Ready,
}

/// <summary>unverified until the server hashed the stored bytes; verified; mismatch when they differ from the declared sha256.</summary>
public enum AssetIntegrity
{
    Unverified,
    Verified,
    Mismatch,
}

/// <summary>pending until the server made the rendition, then ready, or failed when the file cannot be read.</summary>
public enum RenditionStatus
{
    Pending,
    Ready,
    Failed,
}

/// <summary>What probing the stored bytes found; each field null when it does not apply (an image has no duration).</summary>
public sealed record MediaResponse(int? Width, int? Height, double? DurationSeconds, string? Codec);

/// <summary>
/// A smaller picture made from the asset: thumbnail (longest side at most 256 px) or preview (at most 1,280 px; a
/// video's is a frame of it). contentType, width and height are null until it is ready. Fetch it with
/// GET /assets/{id}/renditions/{name}.
/// </summary>
public sealed record RenditionResponse(string Name, RenditionStatus Status, string? ContentType, int? Width, int? Height);

/// <summary>What the caller is to an asset, weakest first; the owner is not a grant.</summary>
public enum AccessRole
{
    Viewer,
    Editor,
    Manager,
    Owner,
}

/// <summary>The caller's effective capabilities on the asset.</summary>
public sealed record AccessResponse(
    AccessRole? Role,
    bool CanView,
    bool CanDownload,
    bool CanEdit,
    bool CanShare,
    bool CanDelete);

/// <summary>An asset as the caller sees it.</summary>
public sealed record AssetResponse(
    Guid Id,
    Guid OwnerId,
    string Title,
    string? Description,
    string FileName,
    string ContentType,
    AssetKind Kind,
    long SizeBytes,
    string? Sha256,
    AssetStatus Status,
    IReadOnlyList<string> Tags,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    AccessResponse Access,
    MediaResponse? Media,
    [property: Required] IReadOnlyList<RenditionResponse> Renditions,
    AssetIntegrity Integrity,
    bool InheritsAccess);

/// <summary>One keyset page: pass <c>nextCursor</c> as <c>cursor</c> for the next; <c>null</c> on the last page.</summary>
public sealed record PageResponse<T>([property: Required] IReadOnlyList<T> Items, string? NextCursor);

/// <summary>
/// What a client declares about the file it is about to upload. Only these fields are read: ids, owner, status and
/// timestamps are the server's.
/// </summary>
public sealed record CreateAssetRequest(
    [property: Required] string? FileName,
    [property: Required] string? ContentType,
    [property: Required] long? SizeBytes,
    string? Sha256,
    string? Title,
    string? Description,
    IReadOnlyList<string?>? Tags);

/// <summary>The presigned PUT URL of one part of a multipart upload (parts are numbered from 1).</summary>
public sealed record UploadPartResponse(int PartNumber, Uri Url);

/// <summary>
/// How to send the bytes. <c>method</c> is <c>PUT</c>: send the whole file to <c>url</c> with exactly <c>headers</c>
/// (no Authorization header). Or <c>MULTIPART</c>: PUT part <c>n</c> (bytes <c>(n-1)·partSizeBytes</c> onwards, the last
/// part shorter) to its <c>url</c>, keep each response's <c>ETag</c> header, and send them to the complete call. Fields
/// that do not apply to the method are <c>null</c>; every URL expires at <c>expiresAt</c>.
/// </summary>
public sealed record UploadResponse(
    string Method,
    Uri? Url,
    IReadOnlyDictionary<string, string> Headers,
    long? PartSizeBytes,
    IReadOnlyList<UploadPartResponse>? Parts,
    DateTimeOffset ExpiresAt);

/// <summary>The registered, pending asset and where to upload its bytes.</summary>
public sealed record CreateAssetResponse(AssetResponse Asset, UploadResponse Upload);

/// <summary>One uploaded part of a multipart upload: its number and the ETag header its PUT answered with.</summary>
public sealed record CompletedPartRequest(int? PartNumber, string? Etag);

/// <summary><c>parts</c> is required for a multipart upload, ignored otherwise (the body may then be empty).</summary>
public sealed record CompleteUploadRequest(IReadOnlyList<CompletedPartRequest>? Parts);

/// <summary>
/// New details; a field left out or <c>null</c> stays as it is. A blank description removes it; <c>tags: []</c> removes
/// every tag. <c>inheritsAccess</c> (owner only) false stops access held on collections from reaching the asset.
/// </summary>
public sealed record UpdateAssetRequest(string? Title, string? Description, IReadOnlyList<string?>? Tags, bool? InheritsAccess = null);

/// <summary>A presigned GET of the asset's bytes; it stops working at <c>expiresAt</c>.</summary>
public sealed record DownloadResponse(Uri Url, DateTimeOffset ExpiresAt);

/// <summary>Up to 100 SHA-256 digests (64 hexadecimal characters each) of files you are about to upload.</summary>
public sealed record FindDuplicatesRequest([property: Required] IReadOnlyList<string?>? Sha256);

/// <summary>One digest you asked about and your ready assets that have it, oldest first.</summary>
public sealed record DuplicateResponse(string Sha256, [property: Required] IReadOnlyList<Guid> AssetIds);

/// <summary>The digests you already stored; a digest with none of your ready assets is left out.</summary>
public sealed record DuplicatesResponse([property: Required] IReadOnlyList<DuplicateResponse> Items);
