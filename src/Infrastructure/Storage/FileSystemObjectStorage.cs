using System.Text.Json;
using MediaVault.Application.Abstractions;

namespace MediaVault.Infrastructure.Storage;

/// <summary>
/// The embedded object store: one file per object under a root folder, with its content type in a small sidecar file.
/// Keys are checked so that no key can point outside the root.
/// </summary>
internal sealed class FileSystemObjectStorage(string root) : IObjectStorage
{
    private const string MetadataSuffix = ".meta.json";

    public string Root { get; } = Path.GetFullPath(root);

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

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathFor(key);
        File.Delete(path);
        File.Delete(path + MetadataSuffix);
        return Task.CompletedTask;
    }

    public Task ProbeAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Root);
        if (!Directory.Exists(Root))
        {
            throw new StorageUnavailableException($"The storage folder does not exist.");
        }

        return Task.CompletedTask;
    }

    /// <summary>The file behind a key; refuses keys that would leave the root.</summary>
    public string PathFor(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (key.Contains("..", StringComparison.Ordinal) || key.Contains('\\', StringComparison.Ordinal) || key.StartsWith('/'))
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

    internal sealed record ObjectMetadata(string? ContentType);
}
