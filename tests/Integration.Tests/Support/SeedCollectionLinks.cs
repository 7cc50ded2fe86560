using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Media;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Integration.Tests.Support;

/// <summary>Collections with assets, and their links, arranged for the collection-link tests.</summary>
public static class SeedCollectionLinks
{
    /// <summary>A collection of <paramref name="owner"/>'s holding <paramref name="assets"/> (ready ones, added by the owner), shared with nobody.</summary>
    public static Task<Collection> AlbumAsync(this MediaVaultApi api, UserId owner, params Asset[] assets)
    {
        ArgumentNullException.ThrowIfNull(api);
        return api.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var collection = Collection.Create($"Album {Guid.NewGuid():N}"[..14], "Pictures for the link", owner, now);
            collection.AddAssets(SeedAccess.Actor(owner), [.. assets.Select(a => SeedAccess.ToAdd(a, now))], now);
            db.Collections.Add(collection);
            await db.SaveChangesAsync();
            return collection;
        });
    }

    /// <summary>A ready asset of <paramref name="owner"/>'s whose thumbnail has been made (its preview is still pending).</summary>
    public static async Task<Asset> AssetWithThumbnailAsync(this MediaVaultApi api, UserId owner, DateTimeOffset? createdAt = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        var asset = await api.AssetAsync(owner, createdAt: createdAt);
        await api.WithDbAsync(async db =>
        {
            var stored = await db.Assets.SingleAsync(a => a.Id == asset.Id);
            stored.RecordRenditionReady(Rendition.Thumbnail, "image/webp", 16, 12, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        return asset;
    }

    /// <summary>Puts an asset back to pending, as if its upload had never completed (a state no collection normally holds).</summary>
    public static Task MakePendingAsync(this MediaVaultApi api, AssetId assetId) =>
        api.WithDbAsync(db => db.Assets.Where(a => a.Id == assetId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AssetStatus.Pending)));

    /// <summary>Creates a collection link through the API as <paramref name="client"/>'s user; returns the 201 body.</summary>
    public static async Task<JsonElement> CreateCollectionLinkAsync(this HttpClient client, CollectionId collectionId, object body)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.PostAsJsonAsync(SeedSharing.Url($"/api/v1/collections/{collectionId}/links"), body);
        return await response.ShouldBeJsonAsync(HttpStatusCode.Created);
    }

    /// <summary>A GET through a public link, with its password in <c>X-Link-Password</c> when given.</summary>
    public static async Task<HttpResponseMessage> GetThroughLinkAsync(this HttpClient client, string path, string? password = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Get, SeedSharing.Url(path));
        if (password is not null)
        {
            request.Headers.Add("X-Link-Password", password);
        }

        return await client.SendAsync(request);
    }
}
