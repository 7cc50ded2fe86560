using MediaVault.Application.Abstractions;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Sharing;

namespace MediaVault.Application.Sharing;

/// <summary>The person a grant is for; e-mail and name are <c>null</c> if the account no longer exists.</summary>
public sealed record GranteeDto(Guid Id, string? Email, string? DisplayName);

/// <summary>A grant as the owner and managers see it. <c>Active</c> is false once it has expired.</summary>
public sealed record GrantDto(
    Guid Id,
    Guid AssetId,
    GranteeDto Grantee,
    AccessRole Role,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset CreatedAt,
    Guid CreatedBy,
    bool Active)
{
    public static GrantDto From(ShareGrant grant, DirectoryUser? grantee, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return new GrantDto(
            grant.Id.Value,
            grant.AssetId.Value,
            new GranteeDto(grant.GranteeId.Value, grantee?.Email, grantee?.DisplayName),
            grant.Role,
            grant.ExpiresAt,
            grant.CreatedAt,
            grant.CreatedBy.Value,
            grant.IsActiveAt(now));
    }
}

/// <summary>A public link without its token (which is never kept). <c>Active</c> is false once expired or used up.</summary>
public sealed record LinkDto(
    Guid Id,
    DateTimeOffset? ExpiresAt,
    bool HasPassword,
    int? MaxDownloads,
    int DownloadCount,
    DateTimeOffset CreatedAt,
    Guid CreatedBy,
    bool Active)
{
    public static LinkDto From(ShareLink link, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(link);
        return new LinkDto(
            link.Id.Value, link.ExpiresAt, link.HasPassword, link.MaxDownloads, link.DownloadCount, link.CreatedAt, link.CreatedBy.Value, link.IsUsableAt(now));
    }
}

/// <summary>A link just created: the only time its token and URL are ever shown.</summary>
public sealed record CreatedLinkDto(LinkDto Link, string Token, Uri Url);

/// <summary>What an anonymous link holder may know about the asset.</summary>
public sealed record PublicAssetDto(string Title, string FileName, string ContentType, MediaKind Kind, long SizeBytes);

public sealed record PublicLinkDto(PublicAssetDto Asset, bool RequiresPassword, DateTimeOffset? ExpiresAt);

/// <summary>The limits of public links: the shortest password a link may ask for (<c>Links__MinPasswordLength</c>).</summary>
public sealed record LinkSettings(int MinPasswordLength);
