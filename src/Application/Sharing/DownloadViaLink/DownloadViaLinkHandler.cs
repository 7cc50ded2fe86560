using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets;
using MediaVault.Application.Assets.DownloadAsset;
using MediaVault.Application.Sharing.GetPublicLink;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Sharing;

namespace MediaVault.Application.Sharing.DownloadViaLink;

public sealed record DownloadViaLinkCommand(string Token, string? Password);

/// <summary>
/// What a download through a link came to: the <see cref="Outcome"/>, or, when the link refuses password attempts for
/// a while (429, which has no <see cref="ResultStatus"/>), how long until it takes them again.
/// </summary>
public sealed record LinkDownloadResult(Result<DownloadLink> Outcome, TimeSpan? RetryAfter = null)
{
    public static implicit operator LinkDownloadResult(Result<DownloadLink> outcome) => new(outcome);

    public static LinkDownloadResult FromResult(Result<DownloadLink> outcome) => new(outcome);
}

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
    ILinkPasswordFailures passwordFailures,
    IObjectStorage storage,
    AssetSettings settings,
    TimeProvider clock)
{
    /// <summary>A link with less than this left to live is treated as expired by downloads.</summary>
    public static readonly TimeSpan MinimumUrlLifetime = TimeSpan.FromSeconds(3);

    public async Task<LinkDownloadResult> HandleAsync(DownloadViaLinkCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var usable = await PublicLinks.FindUsableAsync(links, assets, command.Token, forUpdate: true, now, cancellationToken);
        if (usable is not { } found)
        {
            return Result<DownloadLink>.NotFound();
        }

        var (link, asset) = found;
        if (link.PasswordHash is { } passwordHash)
        {
            // Refused before the hash is checked, the right password included (ADR-055).
            if (link.PasswordAttemptsRefusedUntil(now) is { } until)
            {
                return new LinkDownloadResult(Result<DownloadLink>.Unauthorized("This link refuses password attempts for a while."), until - now);
            }

            if (string.IsNullOrEmpty(command.Password) || !secrets.Verify(passwordHash, command.Password))
            {
                link.RecordWrongPassword(now);
                await passwordFailures.RecordFailureAsync(link.Id, now, cancellationToken);
                return Result<DownloadLink>.Unauthorized("This link asks for its password.");
            }
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

            link.RecordDownload(now, count);
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
