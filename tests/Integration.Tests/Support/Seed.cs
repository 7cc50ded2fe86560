using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Users;
using MediaVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Integration.Tests.Support;

/// <summary>Arranges domain state through the domain's own behaviour and the application's unit of work.</summary>
public static class Seed
{
    public const long Quota = 10L * 1024 * 1024 * 1024;

    /// <summary>
    /// A verified, enabled account with its owner, as sign-up and verification would leave it; its security stamp is
    /// <see cref="TestTokens.SecurityStamp"/>, so <see cref="TestTokens.For"/> tokens are accepted for it.
    /// </summary>
    public static async Task<UserId> OwnerAsync(this MediaVaultApi api) => (await api.AccountAsync()).Id;

    public static async Task<Asset> AssetAsync(
        this MediaVaultApi api,
        UserId owner,
        string fileName = "photo.jpg",
        string contentType = "image/jpeg",
        bool ready = true,
        string? title = null,
        string? description = null,
        string[]? tags = null,
        DateTimeOffset? createdAt = null)
    {
        return await api.WithDbAsync(async db =>
        {
            var now = createdAt ?? DateTimeOffset.UtcNow;
            var holder = await db.Owners.SingleAsync(o => o.Id == owner);
            var asset = Asset.Register(
                holder, FileName.Create(fileName), ContentType.Create(contentType), 1234, Quota, null, title, description,
                (tags ?? []).Select(Tag.Create), now.AddMinutes(15), now);
            if (ready)
            {
                asset.CompleteUpload(holder, AccessPolicy.Evaluate(asset, owner, now), 1234, contentType, now);
            }

            // Storage counters are written only by the ledger's conditional UPDATEs, as in production.
            (await new StorageLedger(db).TryApplyAsync(holder, CancellationToken.None)).ShouldBeTrue();
            db.Assets.Add(asset);
            await db.SaveChangesAsync();
            return asset;
        });
    }

    public static async Task GrantAsync(this MediaVaultApi api, AssetId assetId, UserId grantee, AccessRole role, DateTimeOffset? expiresAt = null, bool revoke = false)
    {
        await api.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var asset = await db.Assets.Include(a => a.Grants).SingleAsync(a => a.Id == assetId);
            var ownerAccess = AccessPolicy.Evaluate(asset, asset.OwnerId, now);
            var grant = asset.ShareWith(asset.OwnerId, ownerAccess, Grantee.OfPerson(grantee), role, true, expiresAt ?? now.AddDays(1), now);
            if (revoke)
            {
                asset.RevokeGrant(asset.OwnerId, ownerAccess, grant.Id, now);
            }

            return await db.SaveChangesAsync();
        });
    }

    /// <summary>Lets a grant lapse by moving its expiry into the past, as time passing would.</summary>
    public static async Task ExpireGrantsAsync(this MediaVaultApi api, AssetId assetId) =>
        await api.WithDbAsync(db => db.Grants.Where(g => g.AssetId == assetId)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.ExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-1))));
}
