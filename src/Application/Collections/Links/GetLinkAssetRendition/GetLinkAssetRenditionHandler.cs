using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets;
using MediaVault.Application.Assets.DownloadAsset;
using MediaVault.Application.Assets.GetRendition;
using MediaVault.Application.Sharing;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Media;
using MediaVault.Domain.Assets.Rules;
using MediaVault.Domain.Sharing;

namespace MediaVault.Application.Collections.Links.GetLinkAssetRendition;

/// <summary><c>GET /public/links/{token}/assets/{assetId}/renditions/{name}</c>, with the password from <c>X-Link-Password</c>.</summary>
public sealed record GetLinkAssetRenditionQuery(string Token, Guid AssetId, string Name, string? Password);

/// <summary>
/// An anonymous holder of a view link gets a short-lived presigned GET of a rendition of one of the assets it lists,
/// whether or not the link gives originals and whether or not it has downloads left: as <c>GET
/// /assets/{id}/renditions/{name}</c> does for a signed-in viewer (unknown name not found, not ready a conflict), and
/// never outliving the link. Recorded as <c>link.viewed</c> on the asset and the collection.
/// </summary>
public sealed class GetLinkAssetRenditionHandler(
    PublicLinkGate gate,
    IRepository<ShareLink> links,
    IReadRepository<Asset> assets,
    IQueryRunner queries,
    IObjectStorage storage,
    IClientAddress client,
    AssetSettings settings,
    TimeProvider clock)
{
    public async Task<LinkResult<DownloadLink>> HandleAsync(GetLinkAssetRenditionQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var now = clock.GetUtcNow();
        var opening = await gate.OpenAsync(query.Token, query.Password, LinkKinds.View, checkPassword: true, now, cancellationToken);
        if (opening.Link is not { } link)
        {
            return opening.Refuse<DownloadLink>();
        }

        var asset = await ViewLinks.FindListedAsync(queries, assets, link, query.AssetId, cancellationToken);
        if (asset is null || new RenditionMustExist(query.Name, asset.Renditions).IsBroken() || ViewLinks.UrlExpiry(link, settings.DownloadUrlTtl, now) is not { } expiresAt)
        {
            return Result<DownloadLink>.NotFound();
        }

        var status = asset.Renditions.First(r => r.Name == query.Name).Status;
        if (new RenditionMustBeReady(status).IsBroken())
        {
            return Result<DownloadLink>.Conflict(status == RenditionStatus.Failed ? AssetErrors.RenditionFailed : AssetErrors.RenditionPending);
        }

        link.RecordView(asset.Id, now, client.Truncated);
        await links.SaveChangesAsync(cancellationToken);

        var rendition = asset.RenditionToServe(query.Name);
        var url = await storage.PresignGetAsync(
            Rendition.StorageKeyFor(asset.Id, rendition.Name),
            GetRenditionHandler.FileNameOf(asset, rendition),
            rendition.ContentType!,
            DownloadDisposition.Inline,
            expiresAt,
            cancellationToken);
        return Result.Success(new DownloadLink(url, expiresAt));
    }
}
