using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using MediaVault.Infrastructure.Media;
using MediaVault.Integration.Tests.Support;

namespace MediaVault.Integration.Tests.Media;

/// <summary>
/// The sniffer that spares ffprobe a run on bytes that are no video or audio at all (<see cref="MediaSignatures"/>):
/// every container and stream the machine's ffmpeg writes (made at test time from its lavfi sources) must pass, and
/// noise must not. Formats ffprobe cannot recognize by content either (raw PCM, aptX, SBC, GSM) are not listed: stored
/// objects have no file extension to guess from, so they fail with or without the sniffer.
/// </summary>
public sealed class MediaSignaturesTests
{
    private static readonly string[] Video = ["-f", "lavfi", "-i", "testsrc=size=64x48:rate=10", "-t", "0.5"];
    private static readonly string[] PalVideo = ["-f", "lavfi", "-i", "testsrc=size=720x576:rate=25", "-t", "0.2"];
    private static readonly string[] Audio = ["-f", "lavfi", "-i", "sine=frequency=440:duration=0.5"];
    private static readonly Lazy<Task<HashSet<string>>> Encoders = new(() => ListedAsync("-encoders"));
    private static readonly Lazy<Task<HashSet<string>>> Muxers = new(() => ListedAsync("-muxers"));

    /// <summary>
    /// A file ffmpeg can write: the encoder it needs (null: none beyond the muxer's own), the muxer and the options; and,
    /// for a file ffmpeg reads but does not write that way, how its output is reshaped (ffprobe must then read it).
    /// </summary>
    public sealed record Sample(string Name, string? Encoder, string Muxer, string[] Arguments, Func<byte[], byte[]>? Reshape = null)
    {
        public override string ToString() => Name;
    }

    public static IEnumerable<TestCaseData> FormatsFfmpegWrites() => new Sample[]
    {
        new("mp4", "libx264", "mp4", [.. Video, "-c:v", "libx264", "-pix_fmt", "yuv420p"]),
        new("mp4 faststart", "libx264", "mp4", [.. Video, "-c:v", "libx264", "-pix_fmt", "yuv420p", "-movflags", "+faststart"]),
        new("mov", "libx264", "mov", [.. Video, "-c:v", "libx264", "-pix_fmt", "yuv420p"]),
        new("m4a", "aac", "ipod", [.. Audio, "-c:a", "aac"]),
        new("3gp", "libx264", "3gp", [.. Video, "-s", "176x144", "-c:v", "libx264", "-pix_fmt", "yuv420p"]),
        new("f4v", "libx264", "f4v", [.. Video, "-c:v", "libx264", "-pix_fmt", "yuv420p"]),
        new("ismv", "libx264", "ismv", [.. Video, "-c:v", "libx264", "-pix_fmt", "yuv420p"]),
        new("mkv", "libx264", "matroska", [.. Video, "-c:v", "libx264", "-pix_fmt", "yuv420p"]),
        new("webm", "libvpx", "webm", [.. Video, "-c:v", "libvpx"]),
        new("avi", "mpeg4", "avi", [.. Video, "-c:v", "mpeg4"]),
        new("flv", "flv", "flv", [.. Video, "-c:v", "flv"]),
        new("swf", "flv", "swf", [.. Video, "-c:v", "flv"]),
        new("mpegts", "mpeg2video", "mpegts", [.. Video, "-c:v", "mpeg2video"]),
        new("m2ts", "mpeg2video", "mpegts", [.. Video, "-c:v", "mpeg2video", "-mpegts_m2ts_mode", "1"]),
        new("mpeg program stream", "mpeg2video", "mpeg", [.. Video, "-c:v", "mpeg2video"]),
        new("mpeg-2 video elementary stream", "mpeg2video", "mpeg2video", [.. Video]),
        new("mpeg-4 part 2 elementary stream", "mpeg4", "m4v", [.. Video, "-c:v", "mpeg4"]),
        new("h264 annex b", "libx264", "h264", [.. Video, "-c:v", "libx264", "-pix_fmt", "yuv420p"]),
        new("hevc annex b", "libx265", "hevc", [.. Video, "-c:v", "libx265"]),
        new("av1 obu", "libaom-av1", "obu", [.. Video, "-c:v", "libaom-av1", "-cpu-used", "8"]),
        new("ivf vp8", "libvpx", "ivf", [.. Video, "-c:v", "libvpx"]),
        new("ivf vp9", "libvpx-vp9", "ivf", [.. Video, "-c:v", "libvpx-vp9"]),
        new("y4m", null, "yuv4mpegpipe", [.. Video, "-pix_fmt", "yuv420p"]),
        new("nut", "mpeg4", "nut", [.. Video, "-c:v", "mpeg4"]),
        new("realmedia", "rv10", "rm", [.. Video, "-c:v", "rv10"]),
        new("wmv", "wmv2", "asf", [.. Video, "-c:v", "wmv2"]),
        new("wtv", "mpeg2video", "wtv", [.. Video, "-c:v", "mpeg2video"]),
        new("mxf", "mpeg2video", "mxf", [.. PalVideo, "-c:v", "mpeg2video", "-pix_fmt", "yuv420p"]),
        new("gxf", "mpeg2video", "gxf", [.. PalVideo, "-c:v", "mpeg2video", "-pix_fmt", "yuv420p"]),
        new("dv", "dvvideo", "dv", [.. PalVideo, "-c:v", "dvvideo", "-pix_fmt", "yuv420p"]),
        new("smjpeg", "mjpeg", "smjpeg", [.. Video, "-c:v", "mjpeg"]),
        new("mjpeg", "mjpeg", "mjpeg", [.. Video, "-c:v", "mjpeg"]),
        new("multipart jpeg", "mjpeg", "mpjpeg", [.. Video, "-c:v", "mjpeg"]),
        new("apng", "apng", "apng", [.. Video, "-c:v", "apng"]),
        new("gif", "gif", "gif", [.. Video, "-c:v", "gif"]),
        new("sega film", "rawvideo", "film_cpk", [.. Video, "-c:v", "rawvideo"]),
        new("ogg vorbis", "libvorbis", "ogg", [.. Audio, "-c:a", "libvorbis"]),
        new("opus", "libopus", "opus", [.. Audio, "-c:a", "libopus"]),
        new("speex", "libspeex", "spx", [.. Audio, "-c:a", "libspeex"]),
        new("flac", "flac", "flac", [.. Audio, "-c:a", "flac"]),
        new("wav", "pcm_s16le", "wav", [.. Audio, "-c:a", "pcm_s16le"]),
        new("wave64", "pcm_s16le", "w64", [.. Audio, "-c:a", "pcm_s16le"]),
        new("aiff", "pcm_s16be", "aiff", [.. Audio, "-c:a", "pcm_s16be"]),
        new("caf", "pcm_s16le", "caf", [.. Audio, "-c:a", "pcm_s16le"]),
        new("au", "pcm_s16be", "au", [.. Audio, "-c:a", "pcm_s16be"]),
        new("voc", "pcm_u8", "voc", [.. Audio, "-c:a", "pcm_u8"]),
        new("ircam", "pcm_s16le", "ircam", [.. Audio, "-c:a", "pcm_s16le"]),
        new("sox", "pcm_s32le", "sox", [.. Audio, "-c:a", "pcm_s32le"]),
        new("mp3 with id3", "libmp3lame", "mp3", [.. Audio, "-c:a", "libmp3lame"]),
        new("mp3 without id3", "libmp3lame", "mp3", [.. Audio, "-c:a", "libmp3lame", "-id3v2_version", "0", "-write_xing", "0"]),
        new("mp2", "mp2", "mp2", [.. Audio, "-c:a", "mp2"]),
        new("adts aac", "aac", "adts", [.. Audio, "-c:a", "aac"]),
        new("latm aac", "aac", "latm", [.. Audio, "-c:a", "aac"]),
        new("ac3", "ac3", "ac3", [.. Audio, "-c:a", "ac3"]),
        new("eac3", "eac3", "eac3", [.. Audio, "-c:a", "eac3"]),
        new("dts", "dca", "dts", [.. Audio, "-c:a", "dca", "-strict", "-2"]),
        new("truehd", "truehd", "truehd", [.. Audio, "-c:a", "truehd", "-strict", "-2", "-ac", "2"]),
        new("mlp", "mlp", "mlp", [.. Audio, "-c:a", "mlp", "-strict", "-2", "-ac", "2"]),
        new("wma", "wmav2", "asf", [.. Audio, "-c:a", "wmav2"]),
        new("wavpack", "wavpack", "wv", [.. Audio, "-c:a", "wavpack"]),
        new("true audio", "tta", "tta", [.. Audio, "-c:a", "tta"]),
        new("smaf", "adpcm_yamaha", "mmf", [.. Audio, "-ar", "8000", "-ac", "1", "-c:a", "adpcm_yamaha"]),
        new("adx", "adpcm_adx", "adx", [.. Audio, "-c:a", "adpcm_adx"]),
        new("ast", "pcm_s16be_planar", "ast", [.. Audio, "-c:a", "pcm_s16be_planar"]),
        new("kvag", "adpcm_ima_ssi", "kvag", [.. Audio, "-ac", "1", "-c:a", "adpcm_ima_ssi"]),
        new("argonaut asf", "adpcm_argo", "argo_asf", [.. Audio, "-ar", "22050", "-c:a", "adpcm_argo"]),
        new("westwood aud", "adpcm_ima_ws", "wsaud", [.. Audio, "-ar", "22050", "-ac", "1", "-c:a", "adpcm_ima_ws"]),
        new("codec2", "libcodec2", "codec2", [.. Audio, "-ar", "8000", "-ac", "1", "-c:a", "libcodec2"]),
        new("mp3 after 1,000 zero bytes", "libmp3lame", "mp3", [.. Audio, "-c:a", "libmp3lame", "-id3v2_version", "0"], ZeroPadded),
        new("adts aac after 1,000 zero bytes", "aac", "adts", [.. Audio, "-c:a", "aac"], ZeroPadded),
        new("ac3 after 1,000 zero bytes", "ac3", "ac3", [.. Audio, "-c:a", "ac3"], ZeroPadded),
        new("mpegts cut in the middle of a packet", "mpeg2video", "mpegts", [.. Video, "-c:v", "mpeg2video"], bytes => bytes[100..]),
    }.Select(sample => new TestCaseData(sample).SetArgDisplayNames(sample.Name));

    [TestCaseSource(nameof(FormatsFfmpegWrites))]
    public async Task LooksLikeTimedMedia_ForEveryFormatFfmpegWritesHere_IsTrue(Sample sample)
    {
        if (sample.Encoder is { } encoder && !(await Encoders.Value).Contains(encoder))
        {
            Assert.Ignore($"This ffmpeg has no {encoder} encoder, so it cannot write {sample.Name}.");
        }

        if (!(await Muxers.Value).Contains(sample.Muxer))
        {
            Assert.Ignore($"This ffmpeg has no {sample.Muxer} muxer, so it cannot write {sample.Name}.");
        }

        var bytes = await TestMedia.FfmpegAsync("out", [.. sample.Arguments, "-f", sample.Muxer]);
        if (sample.Reshape is { } reshape)
        {
            bytes = reshape(bytes);
            (await FfprobeFormatAsync(bytes)).ShouldNotBeNull($"ffprobe reads {sample.Name}");
        }

        var head = bytes.AsSpan(0, Math.Min(bytes.Length, MediaSignatures.HeadLength));
        MediaSignatures.LooksLikeTimedMedia(head).ShouldBeTrue($"{sample.Name} starts {Convert.ToHexString(head[..Math.Min(head.Length, 32)])}");
    }

    // ffmpeg writes no tracker module, but this one reads them through libopenmpt: a 4-channel MOD of one note.
    [Test]
    public async Task LooksLikeTimedMedia_ForATrackerModuleFfprobeReads_IsTrue()
    {
        var mod = new byte[1084 + 1024 + 32];
        "tone"u8.CopyTo(mod);
        mod[20 + 23] = 16; // sample 1: 16 words long, volume 64, loops over all of it
        mod[20 + 25] = 64;
        mod[20 + 29] = 1;
        mod[950] = 1; // one position, pattern 0
        mod[951] = 127;
        "M.K."u8.CopyTo(mod.AsSpan(1080));
        new byte[] { 0x01, 0xAC, 0x10, 0x00 }.CopyTo(mod, 1084); // row 0, channel 1: sample 1 at period 428
        for (var i = 1084 + 1024 + 2; i < mod.Length; i++)
        {
            mod[i] = (byte)(i % 2 == 0 ? 100 : 156);
        }

        var format = await FfprobeFormatAsync(mod);
        if (format != "libopenmpt")
        {
            Assert.Ignore($"This ffprobe does not read tracker modules through libopenmpt (format: {format ?? "none"}).");
        }

        MediaSignatures.LooksLikeTimedMedia(mod).ShouldBeTrue();
    }

    // The Debian ffmpeg has no AMR encoder but reads AMR: a storage-format AMR-NB file of 50 frames at 12.2 kbit/s
    // (header "#!AMR\n", each frame a mode-7 byte and 31 bytes of speech data), made byte by byte.
    [Test]
    public async Task LooksLikeTimedMedia_ForAnAmrFileFfprobeReads_IsTrue()
    {
        var header = "#!AMR\n"u8.ToArray();
        var amr = new byte[header.Length + (50 * 32)];
        header.CopyTo(amr, 0);
        for (var frame = 0; frame < 50; frame++)
        {
            amr[header.Length + (frame * 32)] = 0x3C;
        }

        (await FfprobeFormatAsync(amr)).ShouldBe("amr");
        MediaSignatures.LooksLikeTimedMedia(amr).ShouldBeTrue();
    }

    [Test]
    public void LooksLikeTimedMedia_ForRandomBytes_IsFalse()
    {
        const int Samples = 5_000;
        var random = new Random(20_261_206);
        var accepted = 0;
        for (var i = 0; i < Samples; i++)
        {
            var head = new byte[random.Next(1, MediaSignatures.HeadLength + 1)];
            random.NextBytes(head);
            accepted += MediaSignatures.LooksLikeTimedMedia(head) ? 1 : 0;
        }

        var rate = (double)accepted / Samples;
        TestContext.Out.WriteLine($"random heads taken for media: {accepted} of {Samples} ({rate:P2})");
        rate.ShouldBeLessThan(0.02);
    }

    // The media bench's seeded objects: a SHA-256 digest repeated to 16–256 bytes.
    [Test]
    public void LooksLikeTimedMedia_ForSha256DigestsRepeated_IsFalseInAlmostEveryCase()
    {
        const int Samples = 200;
        var random = new Random(1_020);
        var accepted = 0;
        for (var i = 0; i < Samples; i++)
        {
            var digest = SHA256.HashData(Encoding.ASCII.GetBytes($"bench-asset-{i}"));
            var bytes = new byte[random.Next(16, 257)];
            for (var at = 0; at < bytes.Length; at += digest.Length)
            {
                digest.AsSpan(0, Math.Min(digest.Length, bytes.Length - at)).CopyTo(bytes.AsSpan(at));
            }

            accepted += MediaSignatures.LooksLikeTimedMedia(bytes) ? 1 : 0;
        }

        TestContext.Out.WriteLine($"repeated digests taken for media: {accepted} of {Samples} ({(double)accepted / Samples:P2})");
        accepted.ShouldBeLessThanOrEqualTo(Samples / 50);
    }

    // MIDI is refused on purpose: ffmpeg has no MIDI demuxer, so ffprobe could not read it either.
    [TestCase("%PDF-1.7\n%âãÏÓ", TestName = "LooksLikeTimedMedia_ForAPdf_IsFalse")]
    [TestCase("PK\u0003\u0004\u0014\u0000\u0000\u0000", TestName = "LooksLikeTimedMedia_ForAZipArchive_IsFalse")]
    [TestCase("MThd\u0000\u0000\u0000\u0006\u0000\u0001", TestName = "LooksLikeTimedMedia_ForMidi_IsFalse")]
    [TestCase("{\"title\": \"not a video\"}", TestName = "LooksLikeTimedMedia_ForJson_IsFalse")]
    [TestCase("", TestName = "LooksLikeTimedMedia_ForAnEmptyFile_IsFalse")]
    public void LooksLikeTimedMedia_ForOtherKindsOfFile_IsFalse(string start)
    {
        MediaSignatures.LooksLikeTimedMedia(Encoding.Latin1.GetBytes(start)).ShouldBeFalse();
    }

    private static byte[] ZeroPadded(byte[] bytes) => [.. new byte[1000], .. bytes];

    // The format ffprobe finds in `bytes` when given them as a file without extension (as the worker does), or null.
    private static async Task<string?> FfprobeFormatAsync(byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"mediavault-test-{Guid.NewGuid():N}");
        await File.WriteAllBytesAsync(path, bytes);
        try
        {
            var (exit, output) = await RunAsync("ffprobe", "-v", "error", "-show_entries", "format=format_name", "-of", "csv=p=0", "file:" + path);
            return exit == 0 && output.Trim().Length > 0 ? output.Trim() : null;
        }
        finally
        {
            File.Delete(path);
        }
    }

    // The names this ffmpeg lists under -encoders or -muxers (second column).
    private static async Task<HashSet<string>> ListedAsync(string listing)
    {
        var (_, output) = await RunAsync("ffmpeg", "-hide_banner", listing);
        return output.Split('\n')
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(columns => columns.Length >= 2)
            .SelectMany(columns => columns[1].Split(','))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static async Task<(int Exit, string Output)> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        await errors;
        return (process.ExitCode, output);
    }
}
