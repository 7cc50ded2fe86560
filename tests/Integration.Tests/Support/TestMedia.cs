using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using SkiaSharp;

namespace MediaVault.Integration.Tests.Support;

/// <summary>
/// Real media made at test time (no binary fixtures): pictures drawn and encoded with SkiaSharp, an EXIF segment
/// written byte by byte, clips and sounds made by ffmpeg from its lavfi test sources.
/// </summary>
public static class TestMedia
{
    /// <summary>A marker written into the GPS block of <see cref="JpegWithOrientation6AndGps"/>; no rendition may contain it.</summary>
    public const string GpsMarker = "WGS-84-MEDIAVAULT-GPS";

    private static readonly string[] FfmpegOptions = ["-nostdin", "-v", "error", "-y"];

    /// <summary>
    /// A JPEG stored <paramref name="width"/> × <paramref name="height"/> (left half red, right half blue) whose EXIF
    /// says "rotate 90° clockwise to show" (orientation 6) and where it was taken (GPS latitude 52° 31' N, a map datum).
    /// Shown upright it is height × width, red on top.
    /// </summary>
    public static byte[] JpegWithOrientation6AndGps(int width = 400, int height = 200)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var red = new SKPaint { Color = SKColors.Red };
            using var blue = new SKPaint { Color = SKColors.Blue };
            canvas.DrawRect(0, 0, width / 2f, height, red);
            canvas.DrawRect(width / 2f, 0, width / 2f, height, blue);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return InsertApp1(data.ToArray(), ExifSegment());
    }

    /// <summary>
    /// A 12,000 × 9,000 (108-megapixel) JPEG shading from red on the left to blue on the right, at quality 75 (a few
    /// MB). Drawing and encoding it takes a few seconds and 432 MB of pixels, so it is made once and kept in a temp file
    /// (named after its recipe) that later fixtures and runs read back.
    /// </summary>
    public static async Task<byte[]> HugeJpegAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), "mediavault-test-gradient-12000x9000-q75-v1.jpg");
        if (File.Exists(path))
        {
            return await File.ReadAllBytesAsync(path);
        }

        byte[] jpeg;
        using (var bitmap = new SKBitmap(12_000, 9_000))
        {
            using (var canvas = new SKCanvas(bitmap))
            {
                using var shader = SKShader.CreateLinearGradient(
                    new SKPoint(0, 0), new SKPoint(12_000, 0), [SKColors.Red, SKColors.Blue], SKShaderTileMode.Clamp);
                using var paint = new SKPaint { Shader = shader };
                canvas.DrawRect(0, 0, 12_000, 9_000, paint);
            }

            using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 75);
            jpeg = data.ToArray();
        }

        // Written aside and moved in place, so that a fixture running at the same time never reads half a file.
        var partial = $"{path}.{Guid.NewGuid():N}.partial";
        await File.WriteAllBytesAsync(partial, jpeg);
        File.Move(partial, path, overwrite: true);
        return jpeg;
    }

    /// <summary>A PNG with a transparent background and an opaque green square in the middle.</summary>
    public static byte[] TransparentPng(int width = 600, int height = 300)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Transparent);
            using var green = new SKPaint { Color = SKColors.Green };
            canvas.DrawRect(width / 4f, height / 4f, width / 2f, height / 2f, green);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>
    /// A PNG of a few hundred bytes that declares a <paramref name="width"/> × <paramref name="height"/> canvas: a
    /// decompression bomb for any decoder that trusts the header.
    /// </summary>
    public static byte[] PngDeclaring(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        Chunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(new byte[1024]);
            }

            Chunk(png, "IDAT", compressed.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>Starts like a JPEG (SOI, an APP0 marker) and then is noise: no decoder can read it.</summary>
    public static byte[] CorruptJpeg()
    {
        var bytes = new byte[4096];
        new Random(12).NextBytes(bytes);
        bytes[0] = 0xFF;
        bytes[1] = 0xD8;
        bytes[2] = 0xFF;
        bytes[3] = 0xE0;
        return bytes;
    }

    /// <summary>A 3-second 320 × 240 H.264 MP4 with AAC sound.</summary>
    public static Task<byte[]> Mp4Async() => FfmpegAsync(
        "mp4",
        "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-f", "lavfi", "-i", "sine=frequency=440",
        "-t", "3", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", "-movflags", "+faststart");

    /// <summary>A 3-second MP3 of a 440 Hz tone.</summary>
    public static Task<byte[]> Mp3Async() => FfmpegAsync("mp3", "-f", "lavfi", "-i", "sine=frequency=440:duration=3", "-c:a", "libmp3lame");

    /// <summary>Whether <paramref name="bytes"/> contain <paramref name="text"/> (ASCII).</summary>
    public static bool Contains(byte[] bytes, string text) => bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(text)) >= 0;

    /// <summary>The four-character chunk ids of a WebP (RIFF) file.</summary>
    public static List<string> WebpChunks(byte[] webp)
    {
        Encoding.ASCII.GetString(webp, 0, 4).ShouldBe("RIFF");
        Encoding.ASCII.GetString(webp, 8, 4).ShouldBe("WEBP");
        var chunks = new List<string>();
        var offset = 12;
        while (offset + 8 <= webp.Length)
        {
            chunks.Add(Encoding.ASCII.GetString(webp, offset, 4));
            var size = BinaryPrimitives.ReadInt32LittleEndian(webp.AsSpan(offset + 4, 4));
            offset += 8 + size + (size % 2);
        }

        return chunks;
    }

    /// <summary>What ffmpeg writes with <paramref name="arguments"/> (inputs and options; the output file is added).</summary>
    public static async Task<byte[]> FfmpegAsync(string extension, params string[] arguments)
    {
        var output = Path.Combine(Path.GetTempPath(), $"mediavault-test-{Guid.NewGuid():N}.{extension}");
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in FfmpegOptions.Concat(arguments).Append(output))
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            process.ExitCode.ShouldBe(0, error);
            return await File.ReadAllBytesAsync(output);
        }
        finally
        {
            File.Delete(output);
        }
    }

    // APP1 "Exif\0\0" + a big-endian TIFF: IFD0 (orientation 6, pointer to the GPS IFD), GPS IFD (latitude ref N,
    // latitude 52/1 31/1 0/1, map datum = GpsMarker).
    private static byte[] ExifSegment()
    {
        var datum = Encoding.ASCII.GetBytes(GpsMarker + "\0");
        var tiff = new byte[104 + datum.Length];
        var span = tiff.AsSpan();
        "MM"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], 42);
        BinaryPrimitives.WriteUInt32BigEndian(span[4..], 8);
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], 2);
        Entry(span[10..], 0x0112, 3, 1, 6u << 16);
        Entry(span[22..], 0x8825, 4, 1, 38);
        BinaryPrimitives.WriteUInt32BigEndian(span[34..], 0);
        BinaryPrimitives.WriteUInt16BigEndian(span[38..], 3);
        Entry(span[40..], 0x0001, 2, 2, (uint)'N' << 24);
        Entry(span[52..], 0x0002, 5, 3, 80);
        Entry(span[64..], 0x0012, 2, (uint)datum.Length, 104);
        BinaryPrimitives.WriteUInt32BigEndian(span[76..], 0);
        uint[] rationals = [52, 1, 31, 1, 0, 1];
        for (var i = 0; i < rationals.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(span[(80 + (4 * i))..], rationals[i]);
        }

        datum.CopyTo(span[104..]);
        var segment = new byte[4 + 6 + tiff.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(2 + 6 + tiff.Length));
        "Exif\0\0"u8.CopyTo(segment.AsSpan(4));
        tiff.CopyTo(segment.AsSpan(10));
        return segment;
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    private static void Entry(Span<byte> at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(at, tag);
        BinaryPrimitives.WriteUInt16BigEndian(at[2..], type);
        BinaryPrimitives.WriteUInt32BigEndian(at[4..], count);
        BinaryPrimitives.WriteUInt32BigEndian(at[8..], value);
    }

    // After SOI, and after an APP0 (JFIF) segment when there is one.
    private static byte[] InsertApp1(byte[] jpeg, byte[] app1)
    {
        var at = 2;
        if (jpeg[2] == 0xFF && jpeg[3] == 0xE0)
        {
            at = 4 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(4));
        }

        return [.. jpeg[..at], .. app1, .. jpeg[at..]];
    }
}
