using MediaVault.Domain.Assets;

namespace MediaVault.Application.Abstractions;

/// <summary>
/// Claims pending uploads whose window has closed, for the sweeper. A claim is a database transaction holding row
/// locks on the claimed assets: on PostgreSQL other instances skip them (<c>FOR UPDATE SKIP LOCKED</c>) and a request
/// completing one of them waits for the claim to end. Repositories used while the claim is open join its transaction.
/// </summary>
public interface IAbandonedUploadClaims
{
    /// <summary>Opens a transaction and locks at most <paramref name="max"/> pending assets whose window closed before <paramref name="cutoff"/>.</summary>
    Task<IUploadClaim> ClaimAsync(DateTimeOffset cutoff, int max, CancellationToken cancellationToken);
}

/// <summary>An open claim: the assets it locked. Disposing without <see cref="CommitAsync"/> rolls back.</summary>
public interface IUploadClaim : IAsyncDisposable
{
    IReadOnlyList<AssetId> AssetIds { get; }

    Task CommitAsync(CancellationToken cancellationToken);
}
