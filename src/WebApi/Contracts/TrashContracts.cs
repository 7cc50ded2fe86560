using System.ComponentModel.DataAnnotations;

namespace MediaVault.WebApi.Contracts;

/// <summary>An asset in your trash: what it was, when you deleted it and when it will be purged for good.</summary>
public sealed record TrashedAssetResponse(
    Guid Id,
    Guid OwnerId,
    string Title,
    string? Description,
    string FileName,
    string ContentType,
    AssetKind Kind,
    long SizeBytes,
    string? Sha256,
    [property: Required] IReadOnlyList<string> Tags,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset DeletedAt,
    DateTimeOffset PurgeAt);
