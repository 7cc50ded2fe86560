using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets.Specifications;
using MediaVault.Application.Common;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Rules;

namespace MediaVault.Application.Assets.DownloadAsset;

/// <summary><see cref="Disposition"/>: <c>attachment</c> (default) or <c>inline</c>.</summary>
public sealed record DownloadAssetQuery(Guid AssetId, string? Disposition = null);

/// <summary>A presigned GET of the asset's bytes, valid until <see cref="ExpiresAt"/>.</summary>
public sealed record DownloadLink(Uri Url, DateTimeOffset ExpiresAt);

/// <summary>
/// Hands the owner or an active grantee a short-lived presigned GET and records the download. The URL never outlives
/// the grant that authorised it. The owner asking for a pending asset gets a conflict: there is nothing to download yet.
/// The asset is read untracked: a download changes nothing of it, and only its activity line is written.
/// </summary>
public sealed class DownloadAssetHandler(IAccessPaths accessPaths, IReadRepository<Asset> assets, IActivityLog activity, IObjectStorage storage, ICurrentUser currentUser, TimeProvider clock, AssetSettings settings)
{
    public async Task<Result<DownloadLink>> HandleAsync(DownloadAssetQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var disposition = DownloadDisposition.Attachment;
        var validation = new Validation().When(
            query.Disposition is not null && !TryParseDisposition(query.Disposition, out disposition),
            "disposition",
            "disposition must be attachment or inline.");
        if (!validation.IsValid)
        {
            return validation.ToResult<DownloadLink>();
        }

        var caller = currentUser.RequireId();
        var now = clock.GetUtcNow();
        if (await assets.FindVisibleAsync(new AssetForCallerSpec(new AssetId(query.AssetId), caller), accessPaths, caller, now, cancellationToken) is not { } visible)
        {
            return Result<DownloadLink>.NotFound();
        }

        var (asset, access) = visible;

        if (asset.Status != AssetStatus.Ready)
        {
            return Result<DownloadLink>.Conflict(AssetErrors.NotReady);
        }

        if (new MismatchedAssetIsNotServed(asset.Integrity).IsBroken())
        {
            return Result<DownloadLink>.Conflict(AssetErrors.IntegrityMismatch);
        }

        if (!access.CanDownload)
        {
            return Result<DownloadLink>.Forbidden("Your role does not allow downloading this asset.");
        }

        var expiresAt = now + settings.DownloadUrlTtl;
        if (visible.AccessLastsUntil(download: true) is { } accessEndsAt && accessEndsAt < expiresAt)
        {
            expiresAt = accessEndsAt;
        }

        asset.RecordDownload(caller, access, now);
        await activity.RecordAsync(asset, cancellationToken);
        var url = await storage.PresignGetAsync(asset.StorageKey, asset.FileName, asset.ContentType, disposition, expiresAt, cancellationToken);
        return Result.Success(new DownloadLink(url, expiresAt));
    }

    private static bool TryParseDisposition(string value, out DownloadDisposition disposition)
    {
        disposition = DownloadDisposition.Attachment;
        switch (value.Trim().ToLowerInvariant())
        {
            case "attachment":
                return true;
            case "inline":
                disposition = DownloadDisposition.Inline;
                return true;
            default:
                return false;
        }
    }
}
