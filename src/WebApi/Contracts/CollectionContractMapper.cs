using MediaVault.Application.Collections;
using MediaVault.Application.Common;
using Riok.Mapperly.Abstractions;

namespace MediaVault.WebApi.Contracts;

/// <summary>Collections, their grants and what adding assets did, as the HTTP contract shows them; enums map by name.</summary>
[Mapper(EnumMappingStrategy = EnumMappingStrategy.ByName)]
public static partial class CollectionContractMapper
{
    public static partial CollectionResponse ToResponse(this CollectionDto collection);

    public static partial CollectionGrantResponse ToResponse(this CollectionGrantDto grant);

    public static partial AddedCollectionAssetsResponse ToResponse(this AddedAssetsDto added);

    public static PageResponse<CollectionResponse> ToResponse(this Page<CollectionDto> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new PageResponse<CollectionResponse>([.. page.Items.Select(ToResponse)], page.NextCursor);
    }
}
