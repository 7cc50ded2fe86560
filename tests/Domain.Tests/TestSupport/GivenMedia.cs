using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Owners;

namespace MediaVault.Domain.Tests.TestSupport;

/// <summary>Situations of media processing: assets with a declared digest, and digests to compare them with.</summary>
internal static class GivenMedia
{
    public static readonly Sha256Digest DeclaredDigest = Sha256Digest.Create(new string('a', Sha256Digest.Length));

    public static readonly Sha256Digest OtherDigest = Sha256Digest.Create(new string('b', Sha256Digest.Length));

    /// <summary>A ready asset of <paramref name="contentType"/> whose owner declared <paramref name="declared"/>, events cleared.</summary>
    public static Asset AReadyAsset(Sha256Digest? declared = null, string contentType = Given.ContentTypeValue, Owner? owner = null)
    {
        owner ??= Given.AnOwner();
        var asset = Asset.Register(
            owner,
            FileName.Create("file.bin"),
            ContentType.Create(contentType),
            Given.SizeBytes,
            Given.MaxSizeBytes,
            declared,
            title: null,
            description: null,
            tags: [],
            uploadExpiresAt: Given.Now + Given.UploadWindow,
            now: Given.Now);
        asset.CompleteUpload(owner, AccessPolicy.Evaluate(asset, owner.Id, Given.Now), Given.SizeBytes, contentType, Given.Now);
        asset.ClearDomainEvents();
        return asset;
    }

    /// <summary>A ready asset whose stored bytes turned out not to match the digest its owner declared.</summary>
    public static Asset AMismatchedAsset()
    {
        var asset = AReadyAsset(DeclaredDigest);
        asset.RecordIntegrity(OtherDigest, Given.Now);
        return asset;
    }
}
