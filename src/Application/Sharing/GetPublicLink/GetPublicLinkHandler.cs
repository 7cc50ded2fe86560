using Ardalis.Result;
using Ardalis.Specification;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Sharing.Specifications;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Access;
using MediaVault.Domain.Sharing;

namespace MediaVault.Application.Sharing.GetPublicLink;

public sealed record GetPublicLinkQuery(string Token);

/// <summary>
/// What an anonymous link holder sees before downloading. A link that is unknown, revoked, expired or used up, or
/// whose asset is gone, is not found: all look the same.
/// </summary>
public sealed class GetPublicLinkHandler(IReadRepository<ShareLink> links, IReadRepository<Asset> assets, TimeProvider clock)
{
    public async Task<Result<PublicLinkDto>> HandleAsync(GetPublicLinkQuery query, CancellationToken cancellationToken)
    {
        var usable = await PublicLinks.FindUsableAsync(links, assets, query.Token, forUpdate: false, clock.GetUtcNow(), cancellationToken);
        if (usable is not { } found)
        {
            return Result<PublicLinkDto>.NotFound();
        }

        var (link, asset) = found;

        return Result.Success(new PublicLinkDto(
            new PublicAssetDto(asset.Title, asset.FileName, asset.ContentType, asset.Kind, asset.SizeBytes),
            link.HasPassword,
            link.ExpiresAt));
    }
}

/// <summary>The lookup both public use cases share.</summary>
internal static class PublicLinks
{
    public static async Task<(ShareLink Link, Asset Asset)?> FindUsableAsync(
        IReadRepositoryBase<ShareLink> links, IReadRepository<Asset> assets, string? token, bool forUpdate, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!LinkTokens.IsWellFormed(token))
        {
            return null;
        }

        var link = await links.FirstOrDefaultAsync(new LinkByTokenHashSpec(LinkTokens.Hash(token!), forUpdate), cancellationToken);
        if (link is not { Kind: LinkKind.Asset, AssetId: { } assetId } || !link.IsUsableAt(now))
        {
            return null;
        }

        var asset = await assets.FirstOrDefaultAsync(new AssetByIdSpec(assetId), cancellationToken);
        // A pending, mismatched or trashed asset is nobody's to be shown (AccessPolicy): a link to it shows nothing.
        return asset is not null && AccessPolicy.IsShareable(asset.AccessFacts) ? (link, asset) : null;
    }
}
