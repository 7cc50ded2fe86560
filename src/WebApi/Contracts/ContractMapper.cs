using MediaVault.Application.Assets;
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
}
