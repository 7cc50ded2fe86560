using MediaVault.Domain.Assets;

namespace MediaVault.Application.Trash;

/// <summary>An asset in its owner's trash: what it was, when it was deleted and when it will be purged.</summary>
public sealed record TrashedAssetDto(
    Guid Id,
    Guid OwnerId,
    string Title,
    string? Description,
    string FileName,
    string ContentType,
    MediaKind Kind,
    long SizeBytes,
    string? Sha256,
    IReadOnlyList<string> Tags,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset DeletedAt,
    DateTimeOffset PurgeAt);
