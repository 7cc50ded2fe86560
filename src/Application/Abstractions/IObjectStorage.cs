namespace MediaVault.Application.Abstractions;

/// <summary>What the object store holds under a key.</summary>
public sealed record StoredObject(long SizeBytes, string? ContentType);

/// <summary>
/// The object store (S3, any S3-compatible server, or a folder on the embedded default). Bytes never pass through the
/// API on S3: it hands out presigned URLs instead.
/// </summary>
public interface IObjectStorage
{
    /// <summary>What is stored under <paramref name="key"/>, or <c>null</c> if nothing is.</summary>
    Task<StoredObject?> HeadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the object; removing a missing object is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Throws when the store does not answer; used by the readiness probe.</summary>
    Task ProbeAsync(CancellationToken cancellationToken);
}
