using MediaVault.Application.Abstractions;
using SkiaSharp;

namespace MediaVault.Infrastructure.Media;

/// <summary>
/// Makes renditions of an encoded picture with SkiaSharp (ADR-060): decoded once, downscaled by the codec itself where
/// it can (JPEG decodes at 1/8 … 8/8 of its size, so a 100-megapixel photo never lands in memory at full size), turned
/// upright from its EXIF orientation, resized to each target and encoded as WebP. Only pixels are written: no EXIF, GPS,
/// XMP or ICC data of the original survives.
/// </summary>
internal static class ImageRenditions
{
    public const string ContentType = "image/webp";

    /// <summary>
    /// The most pixels decoded at once (160 MB as RGBA). A format the codec cannot downscale while decoding (PNG, WebP,
    /// GIF) is refused above it, which also stops decompression bombs (a tiny file declaring a gigantic canvas).
    /// </summary>
    public const long MaxDecodedPixels = 40_000_000;

    private const int Quality = 80;

    /// <summary>What decoding read: upright size and format, or why it could not.</summary>
    public sealed record Probe(int Width, int Height, string Codec);

    /// <summary>A rendition ready to store.</summary>
    public sealed record Encoded(RenditionTarget Target, byte[] Bytes, int Width, int Height);

    /// <summary>Decodes <paramref name="input"/> (seekable) and encodes every target; <c>null</c> results with a reason when the picture cannot be read.</summary>
    public static (Probe? Probe, IReadOnlyList<Encoded> Renditions, string? Failure) Make(Stream input, IReadOnlyList<RenditionTarget> targets)
    {
        using var codec = SKCodec.Create(input, out var created);
        if (codec is null)
        {
            return (null, [], $"The file is not a picture this server can decode ({created}).");
        }

        var origin = codec.EncodedOrigin;
        var turned = TurnsSideways(origin);
        var (fullWidth, fullHeight) = (codec.Info.Width, codec.Info.Height);
        if (fullWidth <= 0 || fullHeight <= 0)
        {
            return (null, [], "The picture has no pixels.");
        }

        var probe = turned
            ? new Probe(fullHeight, fullWidth, FormatName(codec.EncodedFormat))
            : new Probe(fullWidth, fullHeight, FormatName(codec.EncodedFormat));
        if (targets.Count == 0)
        {
            return (probe, [], null);
        }

        var needed = Math.Min(Math.Max(fullWidth, fullHeight), targets.Max(t => t.MaxSide));
        var size = DecodeSize(codec, needed);
        if ((long)size.Width * size.Height > MaxDecodedPixels)
        {
            return (probe, [], $"The picture is too large to decode ({fullWidth} × {fullHeight} pixels, at most {MaxDecodedPixels:N0} decoded at once).");
        }

        using var decoded = new SKBitmap(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var result = codec.GetPixels(decoded.Info, decoded.GetPixels());
        if (result != SKCodecResult.Success)
        {
            return (probe, [], $"The picture could not be decoded ({result}).");
        }

        var renditions = new List<Encoded>(targets.Count);
        foreach (var target in targets)
        {
            var scale = Math.Min(1.0, (double)target.MaxSide / Math.Max(probe.Width, probe.Height));
            var width = Math.Max(1, (int)Math.Round(probe.Width * scale));
            var height = Math.Max(1, (int)Math.Round(probe.Height * scale));
            renditions.Add(new Encoded(target, Render(decoded, origin, width, height), width, height));
        }

        return (probe, renditions, null);
    }

    // The smallest size the codec decodes to that still has `needed` pixels on its longest side (JPEG scales by eighths;
    // other formats decode at full size only).
    private static SKSizeI DecodeSize(SKCodec codec, int needed)
    {
        for (var eighths = 1; eighths < 8; eighths++)
        {
            var size = codec.GetScaledDimensions(eighths / 8f);
            if (Math.Max(size.Width, size.Height) >= needed)
            {
                return size;
            }
        }

        return new SKSizeI(codec.Info.Width, codec.Info.Height);
    }

    // Resizes in the stored orientation, then draws upright into a width × height canvas.
    private static byte[] Render(SKBitmap source, SKEncodedOrigin origin, int width, int height)
    {
        var sideways = TurnsSideways(origin);
        var storedInfo = new SKImageInfo(sideways ? height : width, sideways ? width : height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var resized = source.Resize(storedInfo, new SKSamplingOptions(SKCubicResampler.Mitchell))
            ?? throw new InvalidOperationException("The picture could not be resized.");
        using var upright = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(upright))
        {
            canvas.Clear(SKColors.Transparent);
            canvas.SetMatrix(OrientationMatrix(origin, width, height));
            canvas.DrawBitmap(resized, 0, 0, SKSamplingOptions.Default);
        }

        using var image = SKImage.FromBitmap(upright);
        using var data = image.Encode(SKEncodedImageFormat.Webp, Quality)
            ?? throw new InvalidOperationException("The rendition could not be encoded.");
        return data.ToArray();
    }

    private static bool TurnsSideways(SKEncodedOrigin origin) =>
        origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    // Maps the stored picture onto the upright canvas (w × h), as EXIF orientation 1–8 asks.
    private static SKMatrix OrientationMatrix(SKEncodedOrigin origin, float w, float h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, w, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, w, -1, 0, h, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, h, 0, 0, 1),
        _ => SKMatrix.Identity,
    };

    private static string FormatName(SKEncodedImageFormat format) => format.ToString().ToLowerInvariant();
}
