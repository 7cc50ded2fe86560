using MediaVault.Application.Access;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Media;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Assets.Specifications;

/// <summary>
/// What a list query projects for one asset: its fields, and the caller's strongest grant role and collection role
/// (1 viewer, 2 editor, 3 manager) with whether any such path allows download, from which <see cref="AccessPolicy"/>
/// decides the caller's capabilities without loading any grant.
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
    AssetIntegrity Integrity,
    bool InheritsAccess,
    int? GrantRank,
    bool GrantAllowsDownload,
    int? InheritedRank,
    bool InheritedAllowsDownload,
    int? MediaWidth = null,
    int? MediaHeight = null,
    double? MediaDurationSeconds = null,
    string? MediaCodec = null,
    List<RenditionDto>? Renditions = null)
{
    public AccessDecision Decide(UserId caller) => AccessPolicy.Decide(
        // A list never holds a trashed asset: its arms read through AccessPolicy.OwnedBy and ShareableState.
        new AssetAccessFacts(OwnerId, Status, Integrity, InheritsAccess, IsTrashed: false),
        caller,
        AccessSummary.Paths(GrantRank, GrantAllowsDownload, InheritedRank, InheritedAllowsDownload));

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
        Decide(caller).Capabilities.ToDto(),
        MediaInfo.Create(MediaWidth, MediaHeight, MediaDurationSeconds, MediaCodec) is { IsEmpty: false } media ? media.ToDto() : null,
        AssetMapper.Ordered(Renditions ?? []),
        Integrity,
        InheritsAccess);
}
