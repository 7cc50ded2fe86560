using MediaVault.Domain.Assets;

namespace MediaVault.Application.Abstractions;

/// <summary>Claims a dropped upload in the store itself, so that two completions of one upload cannot both go through.</summary>
public interface IDropUploadClaims
{
    /// <summary>
    /// In one conditional statement, claims the dropped asset for completion, only while it is pending and holds the
    /// upload id hashed to <paramref name="uploadIdHash"/>; the claim holds the row until the transaction ends. Returns
    /// whether this call claimed it (the other of two racing completions waits, then finds it ready). Run it inside the
    /// <see cref="IUnitOfWork"/> transaction that turns the asset ready: a rollback gives it back.
    /// </summary>
    Task<bool> TryClaimAsync(AssetId assetId, string uploadIdHash, DateTimeOffset now, CancellationToken cancellationToken);
}
