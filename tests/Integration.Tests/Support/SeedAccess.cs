using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Sharing;
using MediaVault.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Integration.Tests.Support;

/// <summary>Groups, group grants and collections arranged through the domain, and the access calls read back, for access tests.</summary>
public static class SeedAccess
{
    /// <summary>A group founded by <paramref name="owner"/> with <paramref name="members"/> as plain members.</summary>
    public static Task<Group> GroupAsync(this MediaVaultApi api, UserId owner, params UserId[] members)
    {
        ArgumentNullException.ThrowIfNull(api);
        return api.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var group = Group.Create($"Group {Guid.NewGuid():N}"[..14], null, owner, now);
            foreach (var member in members)
            {
                group.AddMember(owner, member, GroupRole.Member, now);
            }

            db.Set<Group>().Add(group);
            await db.SaveChangesAsync();
            return group;
        });
    }

    /// <summary>The owner grants <paramref name="role"/> on the asset to a person or a group, through the domain; returns the grant's id.</summary>
    public static Task<GrantId> ShareAsync(
        this MediaVaultApi api, AssetId assetId, Grantee grantee, AccessRole role, bool allowDownload = true, DateTimeOffset? expiresAt = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        return api.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var asset = await db.Assets.Include(a => a.Grants.Where(g => g.RevokedAt == null)).SingleAsync(a => a.Id == assetId);
            var grant = asset.ShareWith(asset.OwnerId, AccessPolicy.Evaluate(asset, asset.OwnerId, now), grantee, role, allowDownload, expiresAt, now);
            await db.SaveChangesAsync();
            return grant.Id;
        });
    }

    /// <summary>
    /// A collection of <paramref name="owner"/>'s holding <paramref name="assets"/> (ready ones, added as their owner
    /// may), shared with <paramref name="grantee"/> in <paramref name="role"/>.
    /// </summary>
    public static Task<(Collection Collection, GrantId Grant)> CollectionAsync(
        this MediaVaultApi api, UserId owner, IReadOnlyList<AssetId> assets, Grantee grantee, AccessRole role, bool allowDownload = true)
    {
        ArgumentNullException.ThrowIfNull(api);
        return api.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var collection = Collection.Create($"Album {Guid.NewGuid():N}"[..14], null, owner, now);
            var loaded = await db.Assets.Where(a => assets.Contains(a.Id)).ToListAsync();
            collection.AddAssets(Actor(owner), [.. loaded.Select(a => ToAdd(a, now))], now);
            var grant = collection.ShareWith(Actor(owner), grantee, role, allowDownload, null, now);
            db.Collections.Add(collection);
            await db.SaveChangesAsync();
            return (collection, grant.Id);
        });
    }

    /// <summary>The collection owner acting, as the domain sees it (its group memberships play no part in its own collection).</summary>
    public static Memberships Actor(UserId person) => new(person, new HashSet<GroupId>());

    /// <summary>An asset as its owner adds it to a collection.</summary>
    public static AssetToAdd ToAdd(Asset asset, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return new AssetToAdd(asset.Id, asset.CreatedAt, asset.Status, AccessPolicy.Evaluate(asset, asset.OwnerId, now));
    }

    /// <summary><c>GET /assets/{id}/access</c>, optionally about <paramref name="userId"/>.</summary>
    public static Task<HttpResponseMessage> ExplainAsync(this HttpClient client, AssetId assetId, UserId? userId = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.GetAsync(SeedSharing.Url($"/api/v1/assets/{assetId}/access{(userId is { } u ? $"?userId={u}" : string.Empty)}"));
    }

    /// <summary><c>POST /assets/access</c> for <paramref name="ids"/>; returns the 200 body's items.</summary>
    public static async Task<List<JsonElement>> CheckAccessAsync(this HttpClient client, IEnumerable<Guid> ids)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.PostAsJsonAsync(SeedSharing.Url("/api/v1/assets/access"), new { assetIds = ids.ToList() });
        return [.. (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()];
    }

    /// <summary>Every asset of <c>GET /assets?scope=…</c>, following the cursor page by page.</summary>
    public static async Task<List<JsonElement>> ListAllAsync(this HttpClient client, string scope = "all", int limit = 50)
    {
        ArgumentNullException.ThrowIfNull(client);
        var items = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var url = $"/api/v1/assets?scope={scope}&limit={limit}" + (cursor is null ? string.Empty : $"&cursor={Uri.EscapeDataString(cursor)}");
            var page = await (await client.GetAsync(SeedSharing.Url(url))).ShouldBeJsonAsync();
            items.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        return items;
    }
}
