using MediaVault.Application.Assets;
using MediaVault.Application.Assets.DownloadAsset;
using MediaVault.Application.Assets.RegisterAsset;
using MediaVault.Application.Common;
using MediaVault.Application.Identity.GetMe;
using Riok.Mapperly.Abstractions;

namespace MediaVault.WebApi.Contracts;

/// <summary>Application DTOs to the HTTP contract's records; enums map by name.</summary>
[Mapper(EnumMappingStrategy = EnumMappingStrategy.ByName)]
public static partial class ContractMapper
{
    public static partial AssetResponse ToResponse(this AssetDto asset);

    public static partial MeResponse ToResponse(this MeDto me);

    public static PageResponse<AssetResponse> ToResponse(this Page<AssetDto> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new PageResponse<AssetResponse>([.. page.Items.Select(ToResponse)], page.NextCursor);
    }

    public static CreateAssetResponse ToResponse(this RegisteredAsset registered)
    {
        ArgumentNullException.ThrowIfNull(registered);
        return new CreateAssetResponse(registered.Asset.ToResponse(), registered.Upload.ToResponse());
    }

    /// <summary>Where to upload the bytes, as <c>POST /assets</c> and a drop through an upload link both answer it.</summary>
    public static UploadResponse ToResponse(this UploadInstructions upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        return new UploadResponse(
            upload.Method,
            upload.Url,
            upload.Headers,
            upload.PartSizeBytes,
            upload.Parts?.Select(p => new UploadPartResponse(p.PartNumber, p.Url)).ToList(),
            upload.ExpiresAt);
    }

    public static DownloadResponse ToResponse(this DownloadLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return new DownloadResponse(link.Url, link.ExpiresAt);
    }
}
