using Ardalis.Specification;
using MediaVault.Application.Assets.RegisterAsset;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Sharing;

namespace MediaVault.Application.Sharing.Drops;

/// <summary>
/// The secret id of a dropped upload: like a link token, 32 bytes (256 bits) from the cryptographic random generator as
/// 43 base64url characters, shown once to the uploader and stored only as its SHA-256 (ADR-078). It says nothing about
/// the asset, the collection or other uploads; with the link's token it is all it takes to complete the upload.
/// </summary>
public static class DropUploadIds
{
    public static string New() => LinkTokens.New();

    public static string Hash(string uploadId) => LinkTokens.Hash(uploadId);

    public static bool IsWellFormed(string? uploadId) => LinkTokens.IsWellFormed(uploadId);
}

/// <summary>The status a completed drop answers with: the upload is in, and nothing more is said about it.</summary>
public static class DropUploadStatus
{
    public const string Ready = "ready";
}

/// <summary>The messages of the expected conflicts of drops; an uploader is told about the drop's quota, never whose it is.</summary>
public static class DropErrors
{
    public const string QuotaExceeded = "The file does not fit in the storage quota behind this upload link.";
}

/// <summary>A started drop: the secret id to complete it with, and where to upload the bytes (as for <c>POST /assets</c>).</summary>
public sealed record StartedDrop(string UploadId, UploadInstructions Upload);

/// <summary>A completed drop: its id again and <see cref="DropUploadStatus.Ready"/>.</summary>
public sealed record CompletedDrop(string UploadId, string Status);

/// <summary>The collection an upload link drops into, read only (its owner is who the drop belongs to).</summary>
public sealed class DropCollectionSpec : SingleResultSpecification<Collection>
{
    public DropCollectionSpec(CollectionId id)
    {
        Query.Where(c => c.Id == id).AsNoTracking();
    }
}

/// <summary>The pending asset dropped through the link whose upload id hashes to the given hash, for completing it.</summary>
public sealed class PendingDropSpec : SingleResultSpecification<Asset>
{
    public PendingDropSpec(LinkId linkId, string uploadIdHash)
    {
        Query.Where(a => a.DropUploadHash == uploadIdHash && a.DropLinkId == linkId && a.Status == AssetStatus.Pending);
    }
}
