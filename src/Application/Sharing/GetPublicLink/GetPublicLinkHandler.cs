using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Sharing.Specifications;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Access;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Sharing;

namespace MediaVault.Application.Sharing.GetPublicLink;

public sealed record GetPublicLinkQuery(string Token);

/// <summary>
/// What an anonymous link holder sees first: for an asset link the asset's name, type and size; for a collection link
/// the collection's name and description and the link's kind; and whether a password is needed. A link that is
/// unknown, revoked, expired or used up, or whose asset is gone, is not found: all look the same. Each answer is
/// recorded as <c>link.viewed</c> (on the asset, or on the collection) with the holder's truncated address.
/// </summary>
public sealed class GetPublicLinkHandler(
    PublicLinkGate gate, IRepository<ShareLink> links, IReadRepository<Asset> assets, IReadRepository<Collection> collections, IClientAddress client, TimeProvider clock)
{
    public async Task<Result<PublicLinkDto>> HandleAsync(GetPublicLinkQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var now = clock.GetUtcNow();
        // No password here: this is the call that tells whether one is needed.
        var opening = await gate.OpenAsync(query.Token, null, LinkKinds.Any, checkPassword: false, now, cancellationToken);
        if (opening.Link is not { } link)
        {
            return Result<PublicLinkDto>.NotFound();
        }

        PublicLinkDto shown;
        if (link.AssetId is { } assetId)
        {
            var asset = await assets.FirstOrDefaultAsync(new AssetByIdSpec(assetId), cancellationToken);
            // A pending, mismatched or trashed asset is nobody's to be shown (AccessPolicy): a link to it shows nothing.
            if (asset is null || !AccessPolicy.IsShareable(asset.AccessFacts))
            {
                return Result<PublicLinkDto>.NotFound();
            }

            shown = new PublicLinkDto(
                new PublicAssetDto(asset.Title, asset.FileName, asset.ContentType, asset.Kind, asset.SizeBytes), null, link.Kind, link.HasPassword, link.ExpiresAt);
        }
        else
        {
            var collection = await collections.FirstOrDefaultAsync(new CollectionByIdSpec(link.CollectionId!.Value), cancellationToken);
            if (collection is null)
            {
                return Result<PublicLinkDto>.NotFound();
            }

            shown = new PublicLinkDto(null, new PublicCollectionDto(collection.Name, collection.Description), link.Kind, link.HasPassword, link.ExpiresAt);
        }

        link.RecordView(null, now, client.Truncated);
        await links.SaveChangesAsync(cancellationToken);
        return Result.Success(shown);
    }
}
