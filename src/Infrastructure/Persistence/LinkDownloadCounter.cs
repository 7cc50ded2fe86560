using MediaVault.Application.Abstractions;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Sharing;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Infrastructure.Persistence;

/// <summary>
/// Counts a download through a link with one conditional UPDATE: the row changes only while the link is not revoked,
/// not expired and below its limit, so of two holders racing for the last download exactly one changes it. The UPDATE
/// also holds the row (PostgreSQL row lock, SQLite write lock) until the transaction ends, so the count read back
/// right after is this download's.
/// </summary>
internal sealed class LinkDownloadCounter(MediaVaultDbContext db) : ILinkDownloadCounter
{
    public async Task<int?> TryCountDownloadAsync(LinkId linkId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var counted = await db.Links
            .Where(l => l.Id == linkId
                && l.RevokedAt == null
                && (l.ExpiresAt == null || l.ExpiresAt > now)
                && (l.MaxDownloads == null || l.DownloadCount < l.MaxDownloads))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.DownloadCount, l => l.DownloadCount + 1), cancellationToken);
        if (counted == 0)
        {
            return null;
        }

        return await db.Links.Where(l => l.Id == linkId).Select(l => l.DownloadCount).SingleAsync(cancellationToken);
    }

    /// <summary>The same for a completed upload through an upload link: only while it has a slot left, so of two uploaders racing for the last slot exactly one changes the row.</summary>
    public async Task<int?> TryCountUploadAsync(LinkId linkId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var counted = await db.Links
            .Where(l => l.Id == linkId
                && l.Kind == LinkKind.Upload
                && l.RevokedAt == null
                && (l.ExpiresAt == null || l.ExpiresAt > now)
                && (l.MaxUploads == null || l.UploadCount < l.MaxUploads))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.UploadCount, l => l.UploadCount + 1), cancellationToken);
        if (counted == 0)
        {
            return null;
        }

        return await db.Links.Where(l => l.Id == linkId).Select(l => l.UploadCount).SingleAsync(cancellationToken);
    }
}

/// <summary>
/// Claims a dropped upload with one conditional UPDATE of its row, only while it holds that id and is pending. The UPDATE
/// holds the row (PostgreSQL row lock, SQLite write lock) until the transaction ends, which turns the asset ready: a
/// second completion of the same upload waits, then finds it no longer pending and changes nothing.
/// </summary>
internal sealed class DropUploadClaims(MediaVaultDbContext db) : IDropUploadClaims
{
    public async Task<bool> TryClaimAsync(AssetId assetId, string uploadIdHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Assets
            .Where(a => a.Id == assetId && a.DropUploadHash == uploadIdHash && a.Status == AssetStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.UpdatedAt, now), cancellationToken) == 1;
}

/// <summary>
/// Counts a wrong link password with one UPDATE that reads and writes the count in the row itself (ADR-055): concurrent
/// failures never overwrite each other, and the count holds across instances.
/// </summary>
internal sealed class LinkPasswordFailures(MediaVaultDbContext db) : ILinkPasswordFailures
{
    public Task RecordFailureAsync(LinkId linkId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var windowOpenedAfter = now - ShareLink.PasswordFailureWindow;
        return db.Links
            .Where(l => l.Id == linkId)
            .ExecuteUpdateAsync(
                s => s.SetProperty(
                        l => l.PasswordFailureCount,
                        l => l.PasswordFailuresSince != null && l.PasswordFailuresSince > windowOpenedAfter ? l.PasswordFailureCount + 1 : 1)
                    .SetProperty(
                        l => l.PasswordFailuresSince,
                        l => l.PasswordFailuresSince != null && l.PasswordFailuresSince > windowOpenedAfter ? l.PasswordFailuresSince : now),
                cancellationToken);
    }
}
