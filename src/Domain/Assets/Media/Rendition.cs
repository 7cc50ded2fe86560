namespace MediaVault.Domain.Assets.Media;

/// <summary>
/// A smaller picture derived from an asset's bytes (a <see cref="Thumbnail"/> or a <see cref="Preview"/>), stored next
/// to the original and served like it. It belongs to its asset and changes only through it.
/// </summary>
public sealed class Rendition
{
    public const string Thumbnail = "thumbnail";
    public const string Preview = "preview";
    public const int NameMaxLength = 32;
    public const int ContentTypeMaxLength = 64;

    private Rendition()
    {
    }

    /// <summary><see cref="Thumbnail"/> or <see cref="Preview"/>.</summary>
    public string Name { get; private set; } = string.Empty;

    public RenditionStatus Status { get; private set; }

    /// <summary>The stored rendition's type (<c>image/webp</c>, <c>image/jpeg</c>) once ready.</summary>
    public string? ContentType { get; private set; }

    public int? Width { get; private set; }

    public int? Height { get; private set; }

    /// <summary>The names every image and video gets, smallest first.</summary>
    public static IReadOnlyList<string> Names { get; } = [Thumbnail, Preview];

    /// <summary>The longest side, in pixels, a rendition of this name may have.</summary>
    public static int MaxSideOf(string name) => name switch
    {
        Thumbnail => 256,
        Preview => 1280,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a rendition name."),
    };

    /// <summary>Where a rendition of an asset is stored, next to the asset's own object.</summary>
    public static string StorageKeyFor(AssetId assetId, string name) => $"renditions/{assetId}/{name}";

    internal static Rendition Pending(string name) => new() { Name = name, Status = RenditionStatus.Pending };

    internal void MarkReady(string contentType, int width, int height)
    {
        Status = RenditionStatus.Ready;
        ContentType = contentType;
        Width = width;
        Height = height;
    }

    internal void MarkFailed()
    {
        Status = RenditionStatus.Failed;
        ContentType = null;
        Width = null;
        Height = null;
    }
}
