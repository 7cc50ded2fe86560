using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Sharing.GetPublicLink;
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
    IRepository<ShareLink> links,
    IReadRepository<Asset> assets,
    ISecretHasher secrets,
    IUnitOfWork unitOfWork,
    ILinkDownloadCounter counter,
    IDownloadUrlSigner signer,
    TimeProvider clock)
{
    /// <summary>A link with less than this left to live is treated as expired by downloads.</summary>
    public static readonly TimeSpan MinimumUrlLifetime = TimeSpan.FromSeconds(3);

    public async Task<Result<PresignedDownload>> HandleAsync(DownloadViaLinkCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var usable = await PublicLinks.FindUsableAsync(links, assets, command.Token, forUpdate: true, now, cancellationToken);
        if (usable is not { } found)
        {
            return Result<PresignedDownload>.NotFound();
        }

        var (link, asset) = found;
        if (link.PasswordHash is { } passwordHash
            && (string.IsNullOrEmpty(command.Password) || !secrets.Verify(passwordHash, command.Password)))
        {
            return Result<PresignedDownload>.Unauthorized("This link asks for its password.");
        }

        // A link about to expire gives no URL (none would be worth having) and is not counted.
        if (link.ExpiresAt is { } closing && closing - now < MinimumUrlLifetime)
        {
            return Result<PresignedDownload>.NotFound();
        }

        await using (var transaction = await unitOfWork.BeginTransactionAsync(cancellationToken))
        {
            var countInStore = await counter.TryCountDownloadAsync(link.Id, now, cancellationToken);
            if (countInStore is not { } count)
            {
                // Another holder took the last download, or the link was revoked, since it was read.
                return Result<PresignedDownload>.NotFound();
            }

            link.RecordDownload(now, count);
            await links.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        // Outside the transaction: the URL is signed for no longer than the link has left to live. Signing states the
        // lifetime in whole seconds from a slightly later instant, hence the second of margin when the link's expiry caps it.
        var signedAt = clock.GetUtcNow();
        var ttl = TimeSpan.FromSeconds(Math.Floor(signer.DefaultTtl.TotalSeconds));
        if (link.ExpiresAt is { } expiry && expiry - signedAt - TimeSpan.FromSeconds(1) < ttl)
        {
            ttl = TimeSpan.FromSeconds(Math.Floor((expiry - signedAt).TotalSeconds) - 1);
        }

        if (ttl < TimeSpan.FromSeconds(1))
        {
            return Result<PresignedDownload>.NotFound();
        }

        return Result.Success(await signer.SignDownloadAsync(asset.StorageKey, asset.FileName, asset.ContentType, inlineDisposition: false, ttl, cancellationToken));
    }
}
