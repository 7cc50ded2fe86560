using System.Net.Http.Json;
using System.Text.Json;
using MediaVault.Domain.Access;
using MediaVault.Domain.Activity;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Sharing;
using MediaVault.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Integration.Tests.Support;

/// <summary>Grants, links and activity arranged or read back for sharing tests.</summary>
public static class SeedSharing
{
    /// <summary>The owner grants <paramref name="role"/> to <paramref name="grantee"/> through the domain; returns the grant's id.</summary>
    public static async Task<GrantId> ShareAsync(this MediaVaultApi api, AssetId assetId, UserId grantee, AccessRole role, DateTimeOffset? expiresAt = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        return await api.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var asset = await db.Assets.Include(a => a.Grants.Where(g => g.RevokedAt == null)).SingleAsync(a => a.Id == assetId);
            var grant = asset.ShareWith(asset.OwnerId, AccessPolicy.Evaluate(asset, asset.OwnerId, now), Grantee.OfPerson(grantee), role, true, expiresAt, now);
            await db.SaveChangesAsync();
            return grant.Id;
        });
    }

    /// <summary>The owner revokes the grant through the domain.</summary>
    public static async Task RevokeAsync(this MediaVaultApi api, AssetId assetId, GrantId grantId)
    {
        ArgumentNullException.ThrowIfNull(api);
        await api.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var asset = await db.Assets.Include(a => a.Grants).SingleAsync(a => a.Id == assetId);
            asset.RevokeGrant(asset.OwnerId, AccessPolicy.Evaluate(asset, asset.OwnerId, now), grantId, now);
            return await db.SaveChangesAsync();
        });
    }

    /// <summary>Lets one grant lapse by moving its expiry into the past, as time passing would.</summary>
    public static Task ExpireGrantAsync(this MediaVaultApi api, GrantId grantId) =>
        api.WithDbAsync(db => db.Grants.Where(g => g.Id == grantId)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.ExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-1))));

    /// <summary>Lets a link lapse by moving its expiry into the past.</summary>
    public static Task ExpireLinkAsync(this MediaVaultApi api, LinkId linkId) =>
        api.WithDbAsync(db => db.Links.Where(l => l.Id == linkId)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-1))));

    public static Task<ShareLink> LinkAsync(this MediaVaultApi api, LinkId linkId) =>
        api.WithDbAsync(db => db.Links.AsNoTracking().SingleAsync(l => l.Id == linkId));

    public static Task<List<ActivityEntry>> ActivityAsync(this MediaVaultApi api, AssetId assetId) =>
        api.WithDbAsync(db => db.Activity.AsNoTracking().Where(e => e.AssetId == assetId).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync());

    /// <summary>Creates a link through the API as <paramref name="client"/>'s user; returns the 201 body.</summary>
    public static async Task<JsonElement> CreateLinkAsync(this HttpClient client, AssetId assetId, object? body = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.PostAsJsonAsync(new Uri($"/api/v1/assets/{assetId}/links", UriKind.Relative), body ?? new { });
        return await response.ShouldBeJsonAsync(System.Net.HttpStatusCode.Created);
    }

    public static Uri Url(string path) => new(path, UriKind.Relative);
}
