using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets;
using MediaVault.Application.Assets.DownloadAsset;
using MediaVault.Application.Sharing.Specifications;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Sharing;

namespace MediaVault.Application.Sharing.DownloadViaLink;

public sealed record DownloadViaLinkCommand(string Token, string? Password);

/// <summary>
/// An anonymous link holder downloads the asset: with the right password (if the link has one), while the link is
/// usable. Each success counts toward the link's limit atomically in the database and is recorded in the same
/// transaction; the answer is a short-lived URL that never outlives the link.
/// </summary>
public sealed class DownloadViaLinkHandler(
    PublicLinkGate gate,
    IRepository<ShareLink> links,
    IReadRepository<Asset> assets,
    IUnitOfWork unitOfWork,
    ILinkDownloadCounter counter,
    IObjectStorage storage,
    IClientAddress client,
    AssetSettings settings,
    TimeProvider clock)
{
    /// <summary>A link with less than this left to live is treated as expired by downloads.</summary>
    public static readonly TimeSpan MinimumUrlLifetime = TimeSpan.FromSeconds(3);

    public async Task<LinkResult<DownloadLink>> HandleAsync(DownloadViaLinkCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var opening = await gate.OpenAsync(command.Token, command.Password, LinkKinds.Asset, checkPassword: true, now, cancellationToken);
        if (opening.Link is not { AssetId: { } assetId } link)
        {
            return opening.Refuse<DownloadLink>();
        }

        var asset = await assets.FirstOrDefaultAsync(new AssetByIdSpec(assetId), cancellationToken);
        // A pending, mismatched or trashed asset is nobody's to be shown (AccessPolicy): a link to it shows nothing.
        if (asset is null || !AccessPolicy.IsShareable(asset.AccessFacts))
        {
            return Result<DownloadLink>.NotFound();
        }

        // A link about to expire gives no URL (none would be worth having) and is not counted.
        if (link.ExpiresAt is { } closing && closing - now < MinimumUrlLifetime)
        {
            return Result<DownloadLink>.NotFound();
        }

        await using (var transaction = await unitOfWork.BeginTransactionAsync(cancellationToken))
        {
            var countInStore = await counter.TryCountDownloadAsync(link.Id, now, cancellationToken);
            if (countInStore is not { } count)
            {
                // Another holder took the last download, or the link was revoked, since it was read.
                return Result<DownloadLink>.NotFound();
            }

            link.RecordDownload(assetId, now, count, client.Truncated);
            await links.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        // Outside the transaction: the URL lives no longer than the configured TTL, nor than the link has left to live.
        var expiresAt = clock.GetUtcNow() + settings.DownloadUrlTtl;
        if (link.ExpiresAt is { } expiry && expiry < expiresAt)
        {
            expiresAt = expiry;
        }

        var url = await storage.PresignGetAsync(asset.StorageKey, asset.FileName, asset.ContentType, DownloadDisposition.Attachment, expiresAt, cancellationToken);
        return Result.Success(new DownloadLink(url, expiresAt));
    }
}
