using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Media;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Assets.Specifications;

/// <summary>
/// What the list query projects for one asset: its fields, and the role of the caller's active grant, from which
/// <see cref="AccessPolicy"/> derives the caller's capabilities without loading any grant.
/// </summary>
public sealed record AssetListItem(
    AssetId Id,
    UserId OwnerId,
    string Title,
    string? Description,
    string FileName,
    string ContentType,
    MediaKind Kind,
    long SizeBytes,
    string? Sha256,
    AssetStatus Status,
    List<string> Tags,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    AccessRole? CallerGrantRole,
    AssetIntegrity Integrity = AssetIntegrity.Unverified,
    int? MediaWidth = null,
    int? MediaHeight = null,
    double? MediaDurationSeconds = null,
    string? MediaCodec = null,
    List<RenditionDto>? Renditions = null)
{
    public AssetDto ToDto(UserId caller) => new(
        Id.Value,
        OwnerId.Value,
        Title,
        Description,
        FileName,
        ContentType,
        Kind,
        SizeBytes,
        Sha256,
        Status,
        Tags,
        CreatedAt,
        UpdatedAt,
        AccessPolicy.Evaluate(OwnerId, Status, Integrity, CallerGrantRole, caller).ToDto(),
        MediaInfo.Create(MediaWidth, MediaHeight, MediaDurationSeconds, MediaCodec) is { IsEmpty: false } media ? media.ToDto() : null,
        AssetMapper.Ordered(Renditions ?? []),
        Integrity);
}
