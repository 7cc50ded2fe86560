namespace MediaVault.Application.Abstractions;

/// <summary>What the object store holds under a key.</summary>
public sealed record StoredObject(long SizeBytes, string? ContentType);

/// <summary>
/// A request the client makes itself, straight to the object store: the URL (absolute, valid until
/// <see cref="ExpiresAt"/>) and exactly the headers it must send with it (they are part of the signature).
/// </summary>
public sealed record PresignedRequest(Uri Url, IReadOnlyDictionary<string, string> Headers, DateTimeOffset ExpiresAt);

/// <summary>The URL that uploads part <see cref="PartNumber"/> of a multipart upload (numbered from 1).</summary>
public sealed record PresignedPart(int PartNumber, Uri Url);

/// <summary>A part the client uploaded: its number and the ETag the store answered with.</summary>
public sealed record UploadedPart(int PartNumber, string ETag);

/// <summary>An object as a listing shows it: its key, size and when it was last written.</summary>
public sealed record ListedObject(string Key, long SizeBytes, DateTimeOffset LastModified);

/// <summary>One page of a listing, in key order; <see cref="ContinuationToken"/> asks for the next page (<c>null</c> on the last).</summary>
public sealed record ObjectListing(IReadOnlyList<ListedObject> Objects, string? ContinuationToken);

/// <summary>How a browser should treat a download: save it (<see cref="Attachment"/>) or show it (<see cref="Inline"/>).</summary>
public enum DownloadDisposition
{
    Attachment = 0,
    Inline = 1,
}

/// <summary>
/// The object store (S3, any S3-compatible server, or a folder on the embedded default). Bytes never pass through the
/// API's use cases: the store hands out presigned URLs, bound to method, key and (for uploads) content type, and the
/// client talks to the store directly. Nothing here may be called inside an open database transaction.
/// </summary>
public interface IObjectStorage
{
    /// <summary>
    /// A presigned PUT of the whole object, bound to its content type and its length (a different one is refused by the
    /// store).
    /// </summary>
    Task<PresignedRequest> PresignPutAsync(string key, string contentType, long sizeBytes, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Starts a multipart upload of an object with this content type; returns the store's upload id.</summary>
    Task<string> StartMultipartUploadAsync(string key, string contentType, CancellationToken cancellationToken);

    /// <summary>Presigned PUT URLs for the parts; part <c>n</c> carries <paramref name="partSizes"/>[n-1] bytes.</summary>
    Task<IReadOnlyList<PresignedPart>> PresignPartsAsync(
        string key, string uploadId, IReadOnlyList<long> partSizes, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>
    /// Assembles the uploaded parts into the object. <c>false</c> when the store refuses (unknown upload, missing part,
    /// wrong ETag, parts out of order); throws only when the store does not answer.
    /// </summary>
    Task<bool> CompleteMultipartUploadAsync(string key, string uploadId, IReadOnlyList<UploadedPart> parts, CancellationToken cancellationToken);

    /// <summary>Gives up a multipart upload and its parts; an unknown upload is not an error.</summary>
    Task AbortMultipartUploadAsync(string key, string uploadId, CancellationToken cancellationToken);

    /// <summary>What is stored under <paramref name="key"/>, or <c>null</c> if nothing is.</summary>
    Task<StoredObject?> HeadAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// A presigned GET whose response carries <c>Content-Disposition: attachment|inline; filename…</c> (RFC 6266, with
    /// <c>filename*=UTF-8''…</c>) and the given content type.
    /// </summary>
    Task<Uri> PresignGetAsync(
        string key, string fileName, string contentType, DownloadDisposition disposition, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the object <paramref name="stored"/> (as <see cref="HeadAsync"/> described it) from <paramref name="fromKey"/>
    /// to <paramref name="toKey"/>, replacing what <paramref name="toKey"/> held: S3 copies on the server (in parts above
    /// its single-copy limit) and then deletes the source; the embedded store renames. <c>false</c> when nothing is
    /// stored under <paramref name="fromKey"/> any more; throws only when the store does not answer.
    /// </summary>
    Task<bool> PromoteAsync(string fromKey, string toKey, StoredObject stored, CancellationToken cancellationToken);

    /// <summary>
    /// A page of at most <paramref name="maxKeys"/> objects whose keys start with <paramref name="prefix"/>, in key order,
    /// continuing after <paramref name="continuationToken"/> (from the previous page; <c>null</c> for the first).
    /// </summary>
    Task<ObjectListing> ListAsync(string prefix, string? continuationToken, int maxKeys, CancellationToken cancellationToken);

    /// <summary>Removes the object; removing a missing object is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Throws when the store does not answer; used by the readiness probe.</summary>
    Task ProbeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Streams the object's bytes (for the server's own background work: hashing, probing), or <c>null</c> when nothing
    /// is stored under <paramref name="key"/>. The caller disposes the stream.
    /// </summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="content"/> under <paramref name="key"/> (replacing what was there) with this content type.</summary>
    Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken);
}
