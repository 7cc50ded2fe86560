using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Media;
using MediaVault.Domain.Users;
using Riok.Mapperly.Abstractions;

namespace MediaVault.Application.Assets;

/// <summary>Compile-time mappings from the domain to the DTOs of this layer (see docs/adr/002-mapperly-instead-of-automapper.md).</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class AssetMapper
{
    [MapProperty(nameof(Asset.Tags), nameof(AssetDto.Tags), Use = nameof(MapTags))]
    [MapProperty(nameof(Asset.Renditions), nameof(AssetDto.Renditions), Use = nameof(MapRenditions))]
    [MapperIgnoreSource(nameof(Asset.MediaWidth))]
    [MapperIgnoreSource(nameof(Asset.MediaHeight))]
    [MapperIgnoreSource(nameof(Asset.MediaDurationSeconds))]
    [MapperIgnoreSource(nameof(Asset.MediaCodec))]
    public static partial AssetDto ToDto(this Asset asset, Capabilities access);

    public static partial MediaDto ToDto(this MediaInfo media);

    /// <summary>Renditions in a stable order, smallest first (thumbnail, preview); names are unique per asset.</summary>
    public static IReadOnlyList<RenditionDto> Ordered(IEnumerable<RenditionDto> renditions)
    {
        List<RenditionDto> ordered = [.. renditions];
        ordered.Sort(static (a, b) =>
        {
            var bySize = OrderOf(a.Name).CompareTo(OrderOf(b.Name));
            return bySize != 0 ? bySize : string.CompareOrdinal(a.Name, b.Name);
        });
        return ordered;
    }

    public static partial AccessDto ToDto(this Capabilities capabilities);

    private static Guid MapAssetId(AssetId id) => id.Value;

    private static Guid MapUserId(UserId id) => id.Value;

    [UserMapping(Default = false)]
    private static IReadOnlyList<RenditionDto> MapRenditions(IReadOnlyCollection<Rendition> renditions) =>
        Ordered(renditions.Select(r => new RenditionDto(r.Name, r.Status, r.ContentType, r.Width, r.Height)));

    private static int OrderOf(string name)
    {
        for (var index = 0; index < Rendition.Names.Count; index++)
        {
            if (Rendition.Names[index] == name)
            {
                return index;
            }
        }

        return int.MaxValue;
    }

    [UserMapping(Default = false)]
    private static IReadOnlyList<string> MapTags(IReadOnlyCollection<Tag> tags) => [.. tags.Select(t => t.Value)];
}
