using MediaVault.Application.Abstractions;
using MediaVault.Domain.Assets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace MediaVault.Infrastructure.Persistence;

/// <summary>
/// Claims abandoned uploads in the request's database transaction. On PostgreSQL the claim is
/// <c>SELECT … FOR UPDATE SKIP LOCKED</c>: several API instances sweep side by side without taking the same rows, and
/// a concurrent complete of a claimed asset waits for the claim and then finds the row gone. The owners' quota is given
/// back through the storage ledger's conditional UPDATEs, which need no lock taken here (ADR-053). SQLite has no row locks:
/// one instance is assumed there (the embedded default runs one process).
/// </summary>
internal sealed class AbandonedUploadClaims(MediaVaultDbContext db) : IAbandonedUploadClaims
{
    public async Task<IUploadClaim> ClaimAsync(DateTimeOffset cutoff, int max, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            List<AssetId> ids;
            if (db.Database.IsNpgsql())
            {
                var pending = nameof(AssetStatus.Pending);
                var rows = await db.Database.SqlQuery<Guid>($"""
                    SELECT "Id" AS "Value" FROM assets
                    WHERE "Status" = {pending} AND "UploadExpiresAt" <= {cutoff.ToUniversalTime()}
                    ORDER BY "UploadExpiresAt"
                    LIMIT {max}
                    FOR UPDATE SKIP LOCKED
                    """).ToListAsync(cancellationToken);
                ids = [.. rows.Select(id => new AssetId(id))];
            }
            else
            {
                ids = await db.Assets
                    .Where(a => a.Status == AssetStatus.Pending && a.UploadExpiresAt <= cutoff)
                    .OrderBy(a => a.UploadExpiresAt)
                    .Select(a => a.Id)
                    .Take(max)
                    .ToListAsync(cancellationToken);
            }

            return new Claim(transaction, ids);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    private sealed class Claim(IDbContextTransaction transaction, IReadOnlyList<AssetId> ids) : IUploadClaim
    {
        public IReadOnlyList<AssetId> AssetIds { get; } = ids;

        public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

        public ValueTask DisposeAsync() => transaction.DisposeAsync();
    }
}
