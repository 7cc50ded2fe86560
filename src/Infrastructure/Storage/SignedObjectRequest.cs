namespace MediaVault.Infrastructure.Storage;

/// <summary>
/// A request to the embedded store's own URLs (<c>/api/v1/storage/objects/{key}</c>), as the API received it: what the
/// signature covers. <see cref="ContentType"/> is the request's <c>Content-Type</c> header for a whole-object PUT (so a
/// different type fails the signature, as on S3); the other fields come from the query string.
/// </summary>
public sealed record SignedObjectRequest(
    string Method,
    string Key,
    long Expires,
    string Signature,
    long? Size = null,
    string? ContentType = null,
    string? UploadId = null,
    int? PartNumber = null,
    string? Disposition = null,
    string? ResponseContentType = null);

/// <summary>How an upload to the embedded store ended.</summary>
public enum ReceiveOutcome
{
    Stored,

    /// <summary>The body carried more bytes than the URL allows; reading stopped at the first byte too many.</summary>
    TooLarge,

    /// <summary>The body ended before the size the URL names.</summary>
    TooSmall,

    /// <summary>The multipart upload is not known (completed, aborted or never started).</summary>
    UnknownUpload,
}
