using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using MediaVault.Application.Abstractions;
using MediaVault.Domain.Owners;
using MediaVault.Domain.Users;
using MediaVault.Infrastructure.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaVault.Integration.Tests.Support;

/// <summary>
/// The client's side of an upload: register, send the bytes to the presigned URLs exactly as a client would (a plain
/// HTTP client, no Authorization header), complete, download.
/// </summary>
public static class Uploads
{
    /// <summary>
    /// A client for the store's URLs: for S3 a plain <see cref="HttpClient"/>; for the embedded store the API's own
    /// in-memory server (it serves those URLs), without any credentials.
    /// </summary>
    public static HttpClient StoreClient(this MediaVaultApi api, StorageProvider storage)
    {
        ArgumentNullException.ThrowIfNull(api);
        return storage == StorageProvider.S3 ? new HttpClient() : api.CreateClient();
    }

    public static async Task<JsonElement> RegisterAsync(
        this HttpClient client, string fileName, string contentType, long sizeBytes, HttpStatusCode expected = HttpStatusCode.Created, object? extra = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var body = new Dictionary<string, object?> { ["fileName"] = fileName, ["contentType"] = contentType, ["sizeBytes"] = sizeBytes };
        if (extra is not null)
        {
            foreach (var property in JsonSerializer.SerializeToElement(extra).EnumerateObject())
            {
                body[property.Name] = property.Value;
            }
        }

        var response = await client.PostAsJsonAsync(new Uri("/api/v1/assets", UriKind.Relative), body);
        return await response.ShouldBeJsonAsync(expected);
    }

    /// <summary>PUTs <paramref name="bytes"/> to a single-request upload with exactly the headers it names.</summary>
    public static async Task<HttpResponseMessage> PutAsync(this HttpClient store, JsonElement upload, byte[] bytes, string? contentTypeOverride = null, Uri? urlOverride = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        upload.GetProperty("method").GetString().ShouldBe("PUT");
        using var content = new ByteArrayContent(bytes);
        foreach (var header in upload.GetProperty("headers").EnumerateObject())
        {
            if (header.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentTypeOverride ?? header.Value.GetString()!);
            }
            else
            {
                content.Headers.TryAddWithoutValidation(header.Name, header.Value.GetString());
            }
        }

        return await store.PutAsync(urlOverride ?? new Uri(upload.GetProperty("url").GetString()!), content);
    }

    /// <summary>Uploads every part of a multipart upload from <paramref name="file"/>, one part in memory at a time; returns the parts to complete with.</summary>
    public static async Task<List<object>> PutPartsAsync(this HttpClient store, JsonElement upload, string file)
    {
        ArgumentNullException.ThrowIfNull(store);
        upload.GetProperty("method").GetString().ShouldBe("MULTIPART");
        var partSize = upload.GetProperty("partSizeBytes").GetInt64();
        var completed = new List<object>();
        await using var input = File.OpenRead(file);
        var buffer = new byte[partSize];
        foreach (var part in upload.GetProperty("parts").EnumerateArray())
        {
            var number = part.GetProperty("partNumber").GetInt32();
            var length = await input.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false);
            using var content = new ByteArrayContent(buffer, 0, length);
            using var response = await store.PutAsync(new Uri(part.GetProperty("url").GetString()!), content);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            var etag = response.Headers.ETag?.Tag ?? response.Headers.GetValues("ETag").Single();
            completed.Add(new { partNumber = number, etag });
        }

        input.Position.ShouldBe(input.Length);
        return completed;
    }

    public static async Task<HttpResponseMessage> CompleteAsync(this HttpClient client, Guid assetId, IEnumerable<object>? parts = null) =>
        await client.PostAsJsonAsync(new Uri($"/api/v1/assets/{assetId}/complete", UriKind.Relative), new { parts });

    /// <summary>Streams the download at <paramref name="url"/> and returns its SHA-256 (hex) and length.</summary>
    public static async Task<(string Sha256, long Length, HttpResponseMessage Response)> DownloadAsync(this HttpClient store, Uri url)
    {
        ArgumentNullException.ThrowIfNull(store);
        var response = await store.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long length = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            length += read;
        }

        return (Convert.ToHexStringLower(hash.GetHashAndReset()), length, response);
    }

    public static string Sha256Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Writes <paramref name="length"/> deterministic bytes to a temp file, streaming; returns the path and their SHA-256.</summary>
    public static async Task<(string Path, string Sha256)> DeterministicFileAsync(long length)
    {
        var path = System.IO.Path.GetTempFileName();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var random = new Random(20261130);
        var buffer = new byte[1024 * 1024];
        await using (var output = File.Create(path))
        {
            for (long written = 0; written < length; written += buffer.Length)
            {
                var count = (int)Math.Min(buffer.Length, length - written);
                random.NextBytes(buffer.AsSpan(0, count));
                hash.AppendData(buffer, 0, count);
                await output.WriteAsync(buffer.AsMemory(0, count));
            }
        }

        return (path, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>What the store itself holds under the asset's key (a real HEAD against S3 or the folder).</summary>
    public static async Task<StoredObject?> StoredObjectAsync(this MediaVaultApi api, Guid assetId)
    {
        ArgumentNullException.ThrowIfNull(api);
        var key = await api.WithDbAsync(db => db.Assets.Where(a => a.Id == new Domain.Assets.AssetId(assetId)).Select(a => a.StorageKey).SingleAsync());
        return await api.Services.GetRequiredService<IObjectStorage>().HeadAsync(key, CancellationToken.None);
    }

    /// <summary>The key the asset's upload URLs write to, before complete promotes it.</summary>
    public static async Task<string> StagingKeyAsync(this MediaVaultApi api, Guid assetId)
    {
        ArgumentNullException.ThrowIfNull(api);
        var asset = await api.WithDbAsync(db => db.Assets.AsNoTracking().SingleAsync(a => a.Id == new Domain.Assets.AssetId(assetId)));
        return Application.Assets.StorageKeys.StagingKeyOf(asset);
    }

    public static async Task<StoredObject?> StoredObjectAsync(this MediaVaultApi api, string key)
    {
        ArgumentNullException.ThrowIfNull(api);
        return await api.Services.GetRequiredService<IObjectStorage>().HeadAsync(key, CancellationToken.None);
    }

    public static async Task<Owner> OwnerStateAsync(this MediaVaultApi api, UserId owner)
    {
        ArgumentNullException.ThrowIfNull(api);
        return await api.WithDbAsync(db => db.Owners.AsNoTracking().SingleAsync(o => o.Id == owner));
    }

    /// <summary>An account whose owner has a quota of <paramref name="quotaBytes"/>.</summary>
    public static async Task<UserId> OwnerWithQuotaAsync(this MediaVaultApi api, long quotaBytes)
    {
        ArgumentNullException.ThrowIfNull(api);
        var id = await api.OwnerAsync();
        await api.WithDbAsync(async db =>
        {
            var owner = await db.Owners.SingleAsync(o => o.Id == id);
            owner.ChangeQuota(quotaBytes);
            return await db.SaveChangesAsync();
        });
        return id;
    }
}
