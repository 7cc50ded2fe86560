using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets.DownloadAsset;
using MediaVault.Application.Assets.Specifications;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Media;
using MediaVault.Domain.Assets.Rules;

namespace MediaVault.Application.Assets.GetRendition;

public sealed record GetRenditionQuery(Guid AssetId, string Name);

/// <summary>
/// Hands anyone who can see the asset (view-only grantees included) a short-lived presigned GET of one of its
/// renditions, with the same lifetime rules as a download: never beyond the grant that authorised it. A name the asset
/// has no rendition of is not found; a rendition not (yet) made, or an asset whose bytes do not match their declared
/// digest, is a conflict.
/// </summary>
public sealed class GetRenditionHandler(IAccessPaths accessPaths, IReadRepository<Asset> assets, IObjectStorage storage, ICurrentUser currentUser, TimeProvider clock, AssetSettings settings)
{
    public async Task<Result<DownloadLink>> HandleAsync(GetRenditionQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var caller = currentUser.RequireId();
        var now = clock.GetUtcNow();
        if (await assets.FindVisibleAsync(new AssetForCallerSpec(new AssetId(query.AssetId), caller), accessPaths, caller, now, cancellationToken) is not { } visible)
        {
            return Result<DownloadLink>.NotFound();
        }

        var asset = visible.Asset;

        if (new RenditionMustExist(query.Name, asset.Renditions).IsBroken())
        {
            return Result<DownloadLink>.NotFound();
        }

        if (new MismatchedAssetIsNotServed(asset.Integrity).IsBroken())
        {
            return Result<DownloadLink>.Conflict(AssetErrors.IntegrityMismatch);
        }

        var status = asset.Renditions.First(r => r.Name == query.Name).Status;
        if (new RenditionMustBeReady(status).IsBroken())
        {
            return Result<DownloadLink>.Conflict(status == RenditionStatus.Failed ? AssetErrors.RenditionFailed : AssetErrors.RenditionPending);
        }

        var rendition = asset.RenditionToServe(query.Name);
        var expiresAt = now + settings.DownloadUrlTtl;
        if (visible.AccessLastsUntil(download: false) is { } accessEndsAt && accessEndsAt < expiresAt)
        {
            expiresAt = accessEndsAt;
        }

        var url = await storage.PresignGetAsync(
            Rendition.StorageKeyFor(asset.Id, rendition.Name),
            FileNameOf(asset, rendition),
            rendition.ContentType!,
            DownloadDisposition.Inline,
            expiresAt,
            cancellationToken);
        return Result.Success(new DownloadLink(url, expiresAt));
    }

    /// <summary>The file name a rendition is served under: the original's stem, the rendition's name and its type's extension.</summary>
    internal static string FileNameOf(Asset asset, Rendition rendition)
    {
        var stem = Path.GetFileNameWithoutExtension(asset.FileName);
        var extension = rendition.ContentType == "image/jpeg" ? "jpg" : "webp";
        return $"{(string.IsNullOrWhiteSpace(stem) ? "asset" : stem)}-{rendition.Name}.{extension}";
    }
}
