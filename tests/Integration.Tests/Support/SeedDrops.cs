using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Sharing;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Sharing;
using MediaVault.Domain.Users;
using Microsoft.Extensions.DependencyInjection;

namespace MediaVault.Integration.Tests.Support;

/// <summary>An upload link arranged through the domain: its collection, its id and the token only its creator ever sees.</summary>
public sealed record UploadLink(CollectionId CollectionId, LinkId LinkId, string Token);

/// <summary>Upload links arranged, and files dropped through them over HTTP, for the drop tests.</summary>
public static class SeedDrops
{
    /// <summary>
    /// A collection of <paramref name="owner"/>'s (an existing one, or a new one) with a fresh link of
    /// <paramref name="kind"/> opened by its owner.
    /// </summary>
    public static async Task<UploadLink> CollectionLinkAsync(
        this MediaVaultApi api, UserId owner, LinkKind kind = LinkKind.Upload, int? maxUploads = null, string? password = null, CollectionId? into = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        var token = LinkTokens.New();
        var passwordHash = password is null ? null : api.Services.GetRequiredService<ISecretHasher>().Hash(password);
        var (collectionId, linkId) = await api.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var collection = into is { } existing
                ? db.Collections.Single(c => c.Id == existing)
                : Collection.Create($"Drop {Guid.NewGuid():N}"[..14], null, owner, now);
            if (into is null)
            {
                db.Collections.Add(collection);
            }

            var limits = kind == LinkKind.Upload ? new LinkLimits(MaxUploads: maxUploads) : new LinkLimits();
            var link = ShareLink.ForCollection(collection, SeedAccess.Actor(owner), kind, LinkTokens.Hash(token), passwordHash, null, limits, now);
            db.Links.Add(link);
            await db.SaveChangesAsync();
            return (collection.Id, link.Id);
        });
        return new UploadLink(collectionId, linkId, token);
    }

    public static async Task<HttpResponseMessage> StartDropAsync(this HttpClient client, string token, string fileName, string contentType, long sizeBytes, string? password = null) =>
        await client.PostAsJsonAsync(new Uri($"/api/v1/public/links/{token}/uploads", UriKind.Relative), new { fileName, contentType, sizeBytes, password });

    public static async Task<HttpResponseMessage> CompleteDropAsync(this HttpClient client, string token, string uploadId, IEnumerable<object>? parts = null, string? password = null) =>
        await client.PostAsJsonAsync(new Uri($"/api/v1/public/links/{token}/uploads/{uploadId}/complete", UriKind.Relative), new { parts, password });

    /// <summary>Starts a drop of <paramref name="bytes"/> and PUTs them; returns the upload id (the drop is not completed).</summary>
    public static async Task<string> StartAndPutAsync(this HttpClient anonymous, HttpClient store, string token, byte[] bytes, string fileName = "drop.jpg", string? password = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var started = await (await anonymous.StartDropAsync(token, fileName, "image/jpeg", bytes.Length, password)).ShouldBeJsonAsync(HttpStatusCode.Created);
        using var put = await store.PutAsync(started.GetProperty("upload"), bytes);
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        return started.GetProperty("uploadId").GetString()!;
    }

    /// <summary>Drops <paramref name="bytes"/> through the link from start to completion; returns the completion's body.</summary>
    public static async Task<JsonElement> DropAsync(this HttpClient anonymous, HttpClient store, string token, byte[] bytes, string fileName = "drop.jpg", string? password = null)
    {
        var uploadId = await anonymous.StartAndPutAsync(store, token, bytes, fileName, password);
        return await (await anonymous.CompleteDropAsync(token, uploadId, password: password)).ShouldBeJsonAsync();
    }
}
