using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Users;
using Riok.Mapperly.Abstractions;

namespace MediaVault.Application.Assets;

/// <summary>Compile-time mappings from the domain to the DTOs of this layer (see docs/adr/002-mapperly-instead-of-automapper.md).</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class AssetMapper
{
    [MapProperty(nameof(Asset.Tags), nameof(AssetDto.Tags), Use = nameof(MapTags))]
    public static partial AssetDto ToDto(this Asset asset, Capabilities access);

    public static partial AccessDto ToDto(this Capabilities capabilities);

    private static Guid MapAssetId(AssetId id) => id.Value;

    private static Guid MapUserId(UserId id) => id.Value;

    [UserMapping(Default = false)]
    private static IReadOnlyList<string> MapTags(IReadOnlyCollection<Tag> tags) => [.. tags.Select(t => t.Value)];
}
