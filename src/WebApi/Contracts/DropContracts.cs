using System.ComponentModel.DataAnnotations;

namespace MediaVault.WebApi.Contracts;

/// <summary>
/// A file to drop through an upload link: its name, type (image/*, video/*, audio/*) and size, checked as for
/// <c>POST /assets</c>; <c>password</c> when the link has one (never in the URL).
/// </summary>
public sealed record StartDropRequest(
    [property: Required] string? FileName,
    [property: Required] string? ContentType,
    [property: Required] long? SizeBytes,
    string? Password);

/// <summary>
/// A started drop: <c>uploadId</c> is a secret (256 random bits, stored only as a hash) that completes this upload
/// through this link, once; <c>upload</c> says where to send the bytes, exactly as <c>POST /assets</c> answers.
/// </summary>
public sealed record StartDropResponse(string UploadId, UploadResponse Upload);

/// <summary><c>parts</c> for a multipart upload (as <c>POST /assets/{id}/complete</c>); <c>password</c> when the link has one.</summary>
public sealed record CompleteDropRequest(IReadOnlyList<CompletedPartRequest>? Parts, string? Password);

/// <summary>A completed drop: its upload id and <c>status: "ready"</c>. Nothing else about it, or the collection, is told.</summary>
public sealed record CompleteDropResponse(string UploadId, string Status);
