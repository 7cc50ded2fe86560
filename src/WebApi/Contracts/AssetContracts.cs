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
    AccessResponse Access);

/// <summary>One keyset page: pass <c>nextCursor</c> as <c>cursor</c> for the next; <c>null</c> on the last page.</summary>
public sealed record PageResponse<T>([property: Required] IReadOnlyList<T> Items, string? NextCursor);
