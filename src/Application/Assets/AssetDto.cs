using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Media;

namespace MediaVault.Application.Assets;

/// <summary>The caller's capabilities on an asset, as the API shows them.</summary>
public sealed record AccessDto(AccessRole? Role, bool CanView, bool CanDownload, bool CanEdit, bool CanShare, bool CanDelete);

/// <summary>An asset as one caller sees it.</summary>
public sealed record AssetDto(
    Guid Id,
    Guid OwnerId,
    string Title,
    string? Description,
    string FileName,
    string ContentType,
    MediaKind Kind,
    long SizeBytes,
    string? Sha256,
    AssetStatus Status,
    IReadOnlyList<string> Tags,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    AccessDto Access,
    MediaDto? Media,
    IReadOnlyList<RenditionDto> Renditions,
    AssetIntegrity Integrity,
    bool InheritsAccess);

/// <summary>What probing the stored bytes found; any field <c>null</c> when it does not apply.</summary>
public sealed record MediaDto(int? Width, int? Height, double? DurationSeconds, string? Codec);

/// <summary>One rendition of an asset and where its making stands.</summary>
public sealed record RenditionDto(string Name, RenditionStatus Status, string? ContentType, int? Width, int? Height);
