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

    /// <summary>Renditions in a stable order, smallest first (thumbnail, preview).</summary>
    public static IReadOnlyList<RenditionDto> Ordered(IEnumerable<RenditionDto> renditions) =>
        [.. renditions.OrderBy(r => OrderOf(r.Name)).ThenBy(r => r.Name, StringComparer.Ordinal)];

    public static partial AccessDto ToDto(this Capabilities capabilities);

    private static Guid MapAssetId(AssetId id) => id.Value;

    private static Guid MapUserId(UserId id) => id.Value;

    [UserMapping(Default = false)]
    private static IReadOnlyList<RenditionDto> MapRenditions(IReadOnlyCollection<Rendition> renditions) =>
        Ordered(renditions.Select(r => new RenditionDto(r.Name, r.Status, r.ContentType, r.Width, r.Height)));

    private static int OrderOf(string name)
    {
        var index = Rendition.Names.ToList().IndexOf(name);
        return index < 0 ? int.MaxValue : index;
    }

    [UserMapping(Default = false)]
    private static IReadOnlyList<string> MapTags(IReadOnlyCollection<Tag> tags) => [.. tags.Select(t => t.Value)];
}
