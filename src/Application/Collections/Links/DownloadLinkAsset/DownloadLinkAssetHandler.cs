using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets;
using MediaVault.Application.Assets.DownloadAsset;
using MediaVault.Application.Sharing;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Sharing;

namespace MediaVault.Application.Collections.Links.DownloadLinkAsset;

public sealed record DownloadLinkAssetCommand(string Token, Guid AssetId, string? Password);

/// <summary>
/// An anonymous holder of a view link downloads the original of one of the assets it lists, when the link allows
/// originals and has downloads left. Each success counts toward the link's <c>maxDownloads</c> atomically in the
/// database (<see cref="ILinkDownloadCounter"/>, as for an asset link) and is recorded as <c>link.downloaded</c> on
/// the asset and the collection in the same transaction; the URL never outlives the link.
/// </summary>
public sealed class DownloadLinkAssetHandler(
    PublicLinkGate gate,
    IRepository<ShareLink> links,
    IReadRepository<Asset> assets,
    IQueryRunner queries,
    IUnitOfWork unitOfWork,
    ILinkDownloadCounter counter,
    IObjectStorage storage,
    IClientAddress client,
    AssetSettings settings,
    TimeProvider clock)
{
    public const string RenditionsOnly = "This link shows renditions only: it gives no originals.";

    public const string NoDownloadsLeft = "This link has no downloads left; its renditions can still be seen.";

    public async Task<LinkResult<DownloadLink>> HandleAsync(DownloadLinkAssetCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = clock.GetUtcNow();
        var opening = await gate.OpenAsync(command.Token, command.Password, LinkKinds.View, checkPassword: true, now, cancellationToken);
        if (opening.Link is not { } link)
        {
            return opening.Refuse<DownloadLink>();
        }

        var asset = await ViewLinks.FindListedAsync(queries, assets, link, command.AssetId, cancellationToken);
        if (asset is null || ViewLinks.UrlExpiry(link, settings.DownloadUrlTtl, now) is null)
        {
            return Result<DownloadLink>.NotFound();
        }

        if (!link.AllowDownload)
        {
            return Result<DownloadLink>.Forbidden(RenditionsOnly);
        }

        if (!link.CanDownloadAt(now))
        {
            return Result<DownloadLink>.Forbidden(NoDownloadsLeft);
        }

        await using (var transaction = await unitOfWork.BeginTransactionAsync(cancellationToken))
        {
            if (await counter.TryCountDownloadAsync(link.Id, now, cancellationToken) is not { } count)
            {
                // Another holder took the last download since the link was read (or it was revoked or expired meanwhile).
                return Result<DownloadLink>.Forbidden(NoDownloadsLeft);
            }

            link.RecordDownload(asset.Id, now, count, client.Truncated);
            await links.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        // Outside the transaction: the URL lives no longer than the configured TTL, nor than the link has left to live.
        var expiresAt = ViewLinks.UrlExpiry(link, settings.DownloadUrlTtl, clock.GetUtcNow()) ?? link.ExpiresAt!.Value;
        var url = await storage.PresignGetAsync(asset.StorageKey, asset.FileName, asset.ContentType, DownloadDisposition.Attachment, expiresAt, cancellationToken);
        return Result.Success(new DownloadLink(url, expiresAt));
    }
}
