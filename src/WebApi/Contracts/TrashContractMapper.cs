using MediaVault.Application.Common;
using MediaVault.Application.Trash;
using Riok.Mapperly.Abstractions;

namespace MediaVault.WebApi.Contracts;

/// <summary>The trash as the HTTP contract shows it; enums map by name.</summary>
[Mapper(EnumMappingStrategy = EnumMappingStrategy.ByName)]
public static partial class TrashContractMapper
{
    public static partial TrashedAssetResponse ToResponse(this TrashedAssetDto asset);

    public static PageResponse<TrashedAssetResponse> ToResponse(this Page<TrashedAssetDto> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new PageResponse<TrashedAssetResponse>([.. page.Items.Select(ToResponse)], page.NextCursor);
    }
}
