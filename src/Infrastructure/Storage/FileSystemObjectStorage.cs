using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MediaVault.Application.Abstractions;

namespace MediaVault.Infrastructure.Storage;

/// <summary>
/// The embedded object store: one file per object under a root folder, with its content type in a small sidecar file.
/// The API serves its presigned URLs itself (<c>/api/v1/storage/objects/{key}</c>): each is HMAC-SHA256-signed, expires,
/// and is bound to the method, the key, the size and (for a whole-object PUT) the content type, like an S3 presigned
/// URL. Uploads stream to a temporary file that is moved into place only when complete. Multipart uploads keep their
/// parts as separate files under <c>.multipart/{uploadId}</c> until they are assembled. Keys are checked so that no
/// key can point outside the root or into its working folders.
/// </summary>
public sealed class FileSystemObjectStorage : IObjectStorage
{
    public const string RoutePrefix = "api/v1/storage/objects/";

    private const string MetadataSuffix = ".meta.json";
    private const string SignatureVersion = "MV-URL-V1";
    private const int BufferSize = 81920;

    private readonly byte[] _signingKey;
    private readonly string _baseUrl;
    private readonly TimeProvider _clock;

    /// <param name="root">Folder for objects.</param>
    /// <param name="publicBaseUrl">Absolute base URL of the API (<c>App__PublicBaseUrl</c>) that the signed URLs start with.</param>
    /// <param name="signingKey">At least 32 bytes of secret for the URL signatures.</param>
    /// <param name="clock">Decides whether a URL has expired.</param>
    public FileSystemObjectStorage(string root, Uri publicBaseUrl, byte[] signingKey, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        ArgumentNullException.ThrowIfNull(signingKey);
        if (signingKey.Length < 32)
        {
            throw new ArgumentException("The URL signing key needs at least 32 bytes.", nameof(signingKey));
        }

        Root = Path.GetFullPath(root);
        _baseUrl = publicBaseUrl.AbsoluteUri.TrimEnd('/') + "/";
        _signingKey = signingKey;
        _clock = clock;
    }

    public string Root { get; }

    private string TempDirectory => Path.Combine(Root, ".tmp");

    private string MultipartDirectory => Path.Combine(Root, ".multipart");

    public Task<PresignedRequest> PresignPutAsync(string key, string contentType, long sizeBytes, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        PathFor(key);
        var request = new SignedObjectRequest("PUT", key, expiresAt.ToUnixTimeSeconds(), string.Empty, Size: sizeBytes, ContentType: contentType);
        var url = UrlFor(request, ("size", sizeBytes.ToString(CultureInfo.InvariantCulture)));
        return Task.FromResult(new PresignedRequest(url, new Dictionary<string, string> { ["Content-Type"] = contentType }, expiresAt));
    }

    public async Task<string> StartMultipartUploadAsync(string key, string contentType, CancellationToken cancellationToken)
    {
        PathFor(key);
        var uploadId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var directory = Path.Combine(MultipartDirectory, uploadId);
        Directory.CreateDirectory(directory);
        await WriteJsonAtomicallyAsync(Path.Combine(directory, "upload.json"), new MultipartUpload(key, contentType), cancellationToken);
        return uploadId;
    }

    public Task<IReadOnlyList<PresignedPart>> PresignPartsAsync(
        string key, string uploadId, IReadOnlyList<long> partSizes, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partSizes);
        PathFor(key);
        var parts = new List<PresignedPart>(partSizes.Count);
        for (var number = 1; number <= partSizes.Count; number++)
        {
            var request = new SignedObjectRequest(
                "PUT", key, expiresAt.ToUnixTimeSeconds(), string.Empty, Size: partSizes[number - 1], UploadId: uploadId, PartNumber: number);
            parts.Add(new PresignedPart(number, UrlFor(
                request,
                ("uploadId", uploadId),
                ("partNumber", number.ToString(CultureInfo.InvariantCulture)),
                ("size", partSizes[number - 1].ToString(CultureInfo.InvariantCulture)))));
        }

        return Task.FromResult<IReadOnlyList<PresignedPart>>(parts);
    }

    public async Task<bool> CompleteMultipartUploadAsync(string key, string uploadId, IReadOnlyList<UploadedPart> parts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var upload = await ReadUploadAsync(uploadId, cancellationToken);
        if (upload is null || upload.Key != key || parts.Count == 0)
        {
            return false;
        }

        var directory = Path.Combine(MultipartDirectory, uploadId);
        var previous = 0;
        foreach (var part in parts)
        {
            var etagPath = Path.Combine(directory, PartFileName(part.PartNumber) + ".etag");
            if (part.PartNumber <= previous || !File.Exists(etagPath)
                || (await File.ReadAllTextAsync(etagPath, cancellationToken)).Trim('"') != part.ETag.Trim().Trim('"'))
            {
                return false;
            }

            previous = part.PartNumber;
        }

        // Streamed concatenation into a temporary file, moved into place when whole.
        var temp = NewTempFile();
        try
        {
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                foreach (var part in parts)
                {
                    await using var input = new FileStream(
                        Path.Combine(directory, PartFileName(part.PartNumber)), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous);
                    await input.CopyToAsync(output, BufferSize, cancellationToken);
                }
            }

            await CommitObjectAsync(temp, key, upload.ContentType, cancellationToken);
        }
        finally
        {
            File.Delete(temp);
        }

        Directory.Delete(directory, recursive: true);
        return true;
    }

    public Task AbortMultipartUploadAsync(string key, string uploadId, CancellationToken cancellationToken)
    {
        if (IsUploadId(uploadId) && Directory.Exists(Path.Combine(MultipartDirectory, uploadId)))
        {
            Directory.Delete(Path.Combine(MultipartDirectory, uploadId), recursive: true);
        }

        return Task.CompletedTask;
    }

    public async Task<StoredObject?> HeadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathFor(key);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            return null;
        }

        string? contentType = null;
        if (File.Exists(path + MetadataSuffix))
        {
            await using var stream = File.OpenRead(path + MetadataSuffix);
            var metadata = await JsonSerializer.DeserializeAsync<ObjectMetadata>(stream, cancellationToken: cancellationToken);
            contentType = metadata?.ContentType;
        }

        return new StoredObject(file.Length, contentType);
    }

    public Task<Uri> PresignGetAsync(
        string key, string fileName, string contentType, DownloadDisposition disposition, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        PathFor(key);
        var contentDisposition = ContentDispositions.Build(disposition, fileName, contentType);
        var request = new SignedObjectRequest(
            "GET", key, expiresAt.ToUnixTimeSeconds(), string.Empty, Disposition: contentDisposition, ResponseContentType: contentType);
        return Task.FromResult(UrlFor(request, ("response-content-disposition", contentDisposition), ("response-content-type", contentType)));
    }

    /// <summary>
    /// A rename within the root: the content type first (copied, so that the source stays whole until its file moves),
    /// then the file itself, atomically replacing what <paramref name="toKey"/> held.
    /// </summary>
    public async Task<bool> PromoteAsync(string fromKey, string toKey, StoredObject stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var from = PathFor(fromKey);
        var to = PathFor(toKey);
        if (!File.Exists(from))
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        var contentType = (await HeadAsync(fromKey, cancellationToken))?.ContentType ?? stored.ContentType;
        await WriteJsonAtomicallyAsync(to + MetadataSuffix, new ObjectMetadata(contentType), cancellationToken);
        try
        {
            File.Move(from, to, overwrite: true);
        }
        catch (FileNotFoundException)
        {
            // Promoted by a complete running at the same moment.
            return false;
        }

        File.Delete(from + MetadataSuffix);
        return true;
    }

    /// <summary>
    /// The objects under the root whose keys start with <paramref name="prefix"/>, in ordinal key order; the continuation
    /// token is the last key returned. Each page walks the folder again (the embedded store is for small deployments).
    /// </summary>
    public Task<ObjectListing> ListAsync(string prefix, string? continuationToken, int maxKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var keys = new List<string>();
        if (Directory.Exists(Root))
        {
            foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
            {
                var key = Path.GetRelativePath(Root, file).Replace(Path.DirectorySeparatorChar, '/');
                if (IsValidKey(key) && key.StartsWith(prefix, StringComparison.Ordinal)
                    && (continuationToken is null || string.CompareOrdinal(key, continuationToken) > 0))
                {
                    keys.Add(key);
                }
            }
        }

        keys.Sort(StringComparer.Ordinal);
        var page = new List<ListedObject>(Math.Min(keys.Count, maxKeys));
        foreach (var key in keys.Take(Math.Max(1, maxKeys)))
        {
            var file = new FileInfo(PathFor(key));
            if (file.Exists)
            {
                page.Add(new ListedObject(key, file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero)));
            }
        }

        return Task.FromResult(new ObjectListing(page, keys.Count > maxKeys ? keys[Math.Max(1, maxKeys) - 1] : null));
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathFor(key);
        try
        {
            File.Delete(path);
            File.Delete(path + MetadataSuffix);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone, with its folder.
        }

        return Task.CompletedTask;
    }

    public Task ProbeAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Root);
        if (!Directory.Exists(Root))
        {
            throw new StorageUnavailableException("The storage folder does not exist.");
        }

        return Task.CompletedTask;
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathFor(key);
        try
        {
            return Task.FromResult<Stream?>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        PathFor(key);
        var temp = NewTempFile();
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, BufferSize, cancellationToken);
            }

            await CommitObjectAsync(temp, key, contentType, cancellationToken);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>
    /// Whether a request to one of this store's URLs carries a valid signature for exactly what it asks, and has not
    /// expired. Comparison takes the same time whatever the signature.
    /// </summary>
    public bool IsAuthorized(SignedObjectRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Expires < _clock.GetUtcNow().ToUnixTimeSeconds() || !IsValidKey(request.Key)
            || (request.UploadId is not null && !IsUploadId(request.UploadId)))
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Base64UrlDecode(request.Signature);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(given, Sign(request));
    }

    /// <summary>Streams a whole object from <paramref name="body"/>: exactly <paramref name="size"/> bytes, or nothing is stored.</summary>
    public async Task<ReceiveOutcome> ReceiveObjectAsync(string key, string contentType, long size, Stream body, CancellationToken cancellationToken)
    {
        var temp = NewTempFile();
        try
        {
            var (outcome, _) = await ReceiveAsync(body, temp, size, cancellationToken);
            if (outcome == ReceiveOutcome.Stored)
            {
                await CommitObjectAsync(temp, key, contentType, cancellationToken);
            }

            return outcome;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Streams one part of a multipart upload; returns its ETag (quoted, as S3 does) when stored.</summary>
    public async Task<(ReceiveOutcome Outcome, string? ETag)> ReceivePartAsync(
        string key, string uploadId, int partNumber, long size, Stream body, CancellationToken cancellationToken)
    {
        var upload = await ReadUploadAsync(uploadId, cancellationToken);
        if (upload is null || upload.Key != key)
        {
            return (ReceiveOutcome.UnknownUpload, null);
        }

        var temp = NewTempFile();
        try
        {
            var (outcome, digest) = await ReceiveAsync(body, temp, size, cancellationToken);
            if (outcome != ReceiveOutcome.Stored)
            {
                return (outcome, null);
            }

            var etag = $"\"{Convert.ToHexStringLower(digest!)[..32]}\"";
            var directory = Path.Combine(MultipartDirectory, uploadId);
            var partPath = Path.Combine(directory, PartFileName(partNumber));
            File.Move(temp, partPath, overwrite: true);
            await WriteTextAtomicallyAsync(partPath + ".etag", etag, cancellationToken);
            return (ReceiveOutcome.Stored, etag);
        }
        catch (DirectoryNotFoundException)
        {
            // Aborted or completed while the part was arriving.
            return (ReceiveOutcome.UnknownUpload, null);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>The file holding the object, or <c>null</c> when there is none.</summary>
    public string? ExistingPathFor(string key)
    {
        var path = PathFor(key);
        return File.Exists(path) ? path : null;
    }

    /// <summary>The file behind a key; refuses keys that would leave the root or enter its working folders.</summary>
    public string PathFor(string key)
    {
        if (!IsValidKey(key))
        {
            throw new ArgumentException("Invalid object key.", nameof(key));
        }

        var path = Path.GetFullPath(Path.Combine(Root, key));
        if (!path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException("Invalid object key.", nameof(key));
        }

        return path;
    }

    private static bool IsValidKey(string? key) =>
        !string.IsNullOrWhiteSpace(key)
        && key.Length <= 1024
        && !key.Contains('\\', StringComparison.Ordinal)
        && !key.EndsWith(MetadataSuffix, StringComparison.Ordinal)
        && key.Split('/').All(segment => segment.Length > 0 && !segment.StartsWith('.') && !segment.Any(char.IsControl));

    private static bool IsUploadId(string uploadId) => uploadId.Length == 32 && uploadId.All(char.IsAsciiHexDigitLower);

    private static string PartFileName(int partNumber) => partNumber.ToString("D5", CultureInfo.InvariantCulture) + ".part";

    private Uri UrlFor(SignedObjectRequest request, params (string Name, string Value)[] query)
    {
        var signature = Base64UrlEncode(Sign(request));
        var builder = new StringBuilder(_baseUrl).Append(RoutePrefix);
        builder.AppendJoin('/', request.Key.Split('/').Select(Uri.EscapeDataString));
        builder.Append("?expires=").Append(request.Expires.ToString(CultureInfo.InvariantCulture));
        foreach (var (name, value) in query)
        {
            builder.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }

        builder.Append("&sig=").Append(signature);
        return new Uri(builder.ToString());
    }

    private byte[] Sign(SignedObjectRequest request)
    {
        var canonical = string.Join(
            '\n',
            SignatureVersion,
            request.Method.ToUpperInvariant(),
            request.Key,
            request.Expires.ToString(CultureInfo.InvariantCulture),
            request.Size?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            request.ContentType?.Trim().ToLowerInvariant() ?? string.Empty,
            request.UploadId ?? string.Empty,
            request.PartNumber?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            request.Disposition ?? string.Empty,
            request.ResponseContentType ?? string.Empty);
        return HMACSHA256.HashData(_signingKey, Encoding.UTF8.GetBytes(canonical));
    }

    // Reads at most size + 1 bytes: one byte too many is enough to refuse, and nothing more is read.
    private static async Task<(ReceiveOutcome Outcome, byte[]? Digest)> ReceiveAsync(Stream body, string temp, long size, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long total = 0;
            await using var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, size + 1 - total)), cancellationToken)) > 0)
            {
                total += read;
                if (total > size)
                {
                    return (ReceiveOutcome.TooLarge, null);
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            return total == size ? (ReceiveOutcome.Stored, hash.GetHashAndReset()) : (ReceiveOutcome.TooSmall, null);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // The content type is written first: a crash in between leaves no object (HEAD finds none), never an object without its type.
    private async Task CommitObjectAsync(string temp, string key, string contentType, CancellationToken cancellationToken)
    {
        var path = PathFor(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await WriteJsonAtomicallyAsync(path + MetadataSuffix, new ObjectMetadata(contentType), cancellationToken);
        File.Move(temp, path, overwrite: true);
    }

    private async Task<MultipartUpload?> ReadUploadAsync(string uploadId, CancellationToken cancellationToken)
    {
        var path = Path.Combine(MultipartDirectory, IsUploadId(uploadId) ? uploadId : "-", "upload.json");
        if (!File.Exists(path))
        {
            return null;
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<MultipartUpload>(stream, cancellationToken: cancellationToken);
    }

    private string NewTempFile()
    {
        Directory.CreateDirectory(TempDirectory);
        return Path.Combine(TempDirectory, Guid.NewGuid().ToString("N"));
    }

    private async Task WriteJsonAtomicallyAsync<T>(string path, T value, CancellationToken cancellationToken) =>
        await WriteTextAtomicallyAsync(path, JsonSerializer.Serialize(value), cancellationToken);

    private async Task WriteTextAtomicallyAsync(string path, string text, CancellationToken cancellationToken)
    {
        var temp = NewTempFile();
        try
        {
            await File.WriteAllTextAsync(temp, text, cancellationToken);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Base64UrlDecode(string value)
    {
        var base64 = value.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }

    internal sealed record ObjectMetadata(string? ContentType);

    internal sealed record MultipartUpload(string Key, string ContentType);
}
