using System.Buffers.Binary;
using System.Text;

namespace MediaVault.Infrastructure.Media;

/// <summary>
/// Recognizes, from the first bytes of a stored object, whether it can be a video or audio file at all, so that bytes
/// that are plainly something else (noise, a document, an archive) are failed without starting ffprobe (about 70 ms of
/// CPU for its start-up alone). The test is generous on purpose: a false "no" costs a user their renditions, a false
/// "yes" only one ffprobe run. It answers "yes" for every container or stream that ffmpeg writes and ffprobe recognizes
/// from its content (the tool never sees a file name: stored objects have no extension), and for common formats it only
/// reads. Rejected: everything else, including formats ffprobe cannot detect by content either (raw PCM, raw aptX, SBC,
/// GSM, ...), a file whose signature is preceded by junk, and MIDI (<c>MThd</c>), which ffmpeg neither demuxes nor
/// decodes. About 0.1% of random heads pass (two-byte sync words: MPEG audio, LATM, AC-3, ADX, AV1).
/// </summary>
internal static class MediaSignatures
{
    /// <summary>How many first bytes of an object are kept to be tested (every signature lies in the first 200).</summary>
    public const int HeadLength = 4096;

    private const int TransportPacket = 188;
    private const int TimestampedTransportPacket = 192;

    // A signature at a fixed offset: the format(s) it belongs to in the comment.
    private static readonly (int Offset, byte[] Bytes)[] Magics =
    [
        (0, [0x1A, 0x45, 0xDF, 0xA3]),                         // EBML: Matroska, WebM
        (0, "RIFF"u8.ToArray()), (0, "RF64"u8.ToArray()), (0, "BW64"u8.ToArray()), // WAVE, AVI and any other RIFF
        (0, [0x72, 0x69, 0x66, 0x66, 0x2E, 0x91, 0xCF, 0x11]), // Sony Wave64 ("riff" + GUID)
        (0, "OggS"u8.ToArray()),                               // Ogg: Vorbis, Opus, Speex, FLAC, Theora
        (0, "fLaC"u8.ToArray()),                               // FLAC
        (0, "ID3"u8.ToArray()),                                // ID3v2 tag, followed by anything (MP3, AAC, FLAC, ...)
        (0, "FORM"u8.ToArray()),                               // IFF: AIFF, AIFC, 8SVX
        (0, "FRM8"u8.ToArray()), (0, "DSD "u8.ToArray()),      // DSD: DSDIFF, DSF
        (0, "caff"u8.ToArray()),                               // Apple CAF
        (0, "FLV"u8.ToArray()),                                // FLV
        (0, "FWS"u8.ToArray()), (0, "CWS"u8.ToArray()), (0, "ZWS"u8.ToArray()), // SWF
        (0, [0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11]), // ASF: WMV, WMA
        (0, [0xB7, 0xD8, 0x00, 0x20, 0x37, 0x49, 0xDA, 0x11]), // WTV
        (0, [0x00, 0x00, 0x01]),                               // MPEG-PS pack, MPEG-1/2/4 video, VC-1 start codes
        (0, [0x00, 0x00, 0x00, 0x01]),                         // H.264/HEVC Annex B
        (0, [0x00, 0x00, 0x00, 0x00, 0x01, 0xBC]),             // GXF
        (0, [0x06, 0x0E, 0x2B, 0x34]),                         // MXF (SMPTE universal label)
        (0, [0x1F, 0x07, 0x00]),                               // DV (DIF header block)
        (0, [0x12, 0x00]),                                     // AV1 low-overhead OBU stream (temporal delimiter)
        (0, "#!AMR"u8.ToArray()),                              // AMR-NB, AMR-WB
        (0, [0x0B, 0x77]),                                     // AC-3, E-AC-3
        (0, [0x7F, 0xFE, 0x80, 0x01]), (0, [0xFE, 0x7F, 0x01, 0x80]), // DTS (16-bit big- and little-endian)
        (0, [0x1F, 0xFF, 0xE8, 0x00]), (0, [0xFF, 0x1F, 0x00, 0xE8]), // DTS (14-bit)
        (4, [0xF8, 0x72, 0x6F, 0xBA]), (4, [0xF8, 0x72, 0x6F, 0xBB]), // TrueHD, MLP (major sync)
        (0, "MAC "u8.ToArray()),                               // Monkey's Audio
        (0, "wvpk"u8.ToArray()),                               // WavPack
        (0, "TTA1"u8.ToArray()),                               // True Audio
        (0, "MPCK"u8.ToArray()), (0, "MP+"u8.ToArray()),       // Musepack SV8, SV7
        (0, ".RMF"u8.ToArray()), (0, [0x2E, 0x72, 0x61, 0xFD]), // RealMedia, RealAudio
        (0, "YUV4MPEG2"u8.ToArray()),                          // Y4M
        (0, "DKIF"u8.ToArray()),                               // IVF (VP8, VP9, AV1)
        (0, "nut/multimedia container"u8.ToArray()),           // NUT
        (0, ".snd"u8.ToArray()),                               // Sun AU
        (0, ".SoX"u8.ToArray()), (0, "XoS."u8.ToArray()),      // SoX native
        (0, "Creative Voice File"u8.ToArray()),                // VOC
        (0, "MMMD"u8.ToArray()),                               // Yamaha SMAF
        (0, [0x00, 0x0A, 0x53, 0x4D, 0x4A, 0x50, 0x45, 0x47]), // SMJPEG ("\0\nSMJPEG")
        (0, [0xC0, 0xDE, 0xC2]),                               // codec2
        (0, "KVAG"u8.ToArray()),                               // Simon & Schuster VAG
        (0, "STRM"u8.ToArray()),                               // AST
        (0, [0x41, 0x53, 0x46, 0x00]),                         // Argonaut ASF
        (0, "FILM"u8.ToArray()),                               // Sega FILM / CPK
        (16, [0xAF, 0xDE, 0x00, 0x00]),                        // Westwood AUD (first chunk's signature)
        (0, "BIK"u8.ToArray()), (0, "KB2"u8.ToArray()),        // Bink
        (0, "SMK2"u8.ToArray()), (0, "SMK4"u8.ToArray()),      // Smacker
        (0, "GIF87a"u8.ToArray()), (0, "GIF89a"u8.ToArray()),  // GIF (ffmpeg demuxes it as video)
        (0, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), // PNG, APNG
        (0, [0xFF, 0xD8, 0xFF]),                               // JPEG: raw MJPEG
    ];

    // Box types an ISO base media (MP4, MOV, 3GP, M4A, F4V, ISMV, fragments) or QuickTime file can start with.
    private static readonly byte[][] FirstBoxTypes =
    [
        .. new[] { "ftyp", "styp", "moov", "moof", "mdat", "free", "skip", "wide", "pnot", "uuid", "junk", "sidx", "PICT" }
            .Select(Encoding.ASCII.GetBytes),
    ];

    /// <summary>
    /// Whether <paramref name="head"/> (the first bytes of an object, up to <see cref="HeadLength"/>; all of it when
    /// the object is shorter) starts like a container or stream ffmpeg demuxes for video or audio.
    /// </summary>
    public static bool LooksLikeTimedMedia(ReadOnlySpan<byte> head)
    {
        foreach (var (offset, bytes) in Magics)
        {
            if (head.Length >= offset + bytes.Length && head.Slice(offset, bytes.Length).SequenceEqual(bytes))
            {
                return true;
            }
        }

        return IsIsoBaseMedia(head) || IsIrcam(head) || IsMpegTransportStream(head) || IsMpegAudioFrame(head)
            || IsLatm(head) || IsAdx(head) || IsMultipartJpeg(head);
    }

    // A first box whose type is known and whose size is plausible: 0 (to the end), 1 (64-bit size follows) or at least
    // its own 8-byte header.
    private static bool IsIsoBaseMedia(ReadOnlySpan<byte> head)
    {
        if (head.Length < 8)
        {
            return false;
        }

        var size = BinaryPrimitives.ReadUInt32BigEndian(head);
        if (size is > 1 and < 8)
        {
            return false;
        }

        var type = head.Slice(4, 4);
        foreach (var known in FirstBoxTypes)
        {
            if (type.SequenceEqual(known))
            {
                return true;
            }
        }

        return false;
    }

    // Berkeley/IRCAM/CARL sound files: magic 0x0001A364 … 0x0004A364, little- or big-endian.
    private static bool IsIrcam(ReadOnlySpan<byte> head) =>
        head.Length >= 4
        && ((head[0] == 0x64 && head[1] == 0xA3 && head[2] is >= 1 and <= 4 && head[3] == 0)
            || (head[0] == 0 && head[1] is >= 1 and <= 4 && head[2] == 0xA3 && head[3] == 0x64));

    // MPEG-TS: a sync byte at the start of the first two 188-byte packets; M2TS: the same after a 4-byte timestamp.
    // A stream shorter than two packets holds nothing to play.
    private static bool IsMpegTransportStream(ReadOnlySpan<byte> head) =>
        (head.Length > TransportPacket && head[0] == 0x47 && head[TransportPacket] == 0x47)
        || (head.Length > 4 + TimestampedTransportPacket && head[4] == 0x47 && head[4 + TimestampedTransportPacket] == 0x47);

    // An MPEG audio frame (MP1/MP2/MP3) or an ADTS (AAC) frame: 11 sync bits set, then no reserved value in the header.
    private static bool IsMpegAudioFrame(ReadOnlySpan<byte> head)
    {
        if (head.Length < 2 || head[0] != 0xFF || (head[1] & 0xE0) != 0xE0)
        {
            return false;
        }

        if (head.Length < 3)
        {
            return true;
        }

        var layer = (head[1] >> 1) & 0x3;
        if (layer == 0)
        {
            // ADTS: 12 sync bits, then a sampling frequency index below 13.
            return (head[1] & 0xF0) == 0xF0 && ((head[2] >> 2) & 0xF) < 13;
        }

        var version = (head[1] >> 3) & 0x3;
        var bitrate = head[2] >> 4;
        var sampleRate = (head[2] >> 2) & 0x3;
        return version != 1 && bitrate != 0xF && sampleRate != 0x3;
    }

    // LOAS/LATM (AAC): the 11-bit sync word 0x2B7.
    private static bool IsLatm(ReadOnlySpan<byte> head) => head.Length >= 2 && head[0] == 0x56 && (head[1] & 0xE0) == 0xE0;

    // CRI ADX: 0x8000, then the offset of the data, just before which "(c)CRI" is written.
    private static bool IsAdx(ReadOnlySpan<byte> head)
    {
        if (head.Length < 4 || head[0] != 0x80 || head[1] != 0x00)
        {
            return false;
        }

        var copyright = BinaryPrimitives.ReadUInt16BigEndian(head[2..]) - 2;
        return copyright >= 6 && (head.Length < copyright + 6 || head.Slice(copyright, 6).SequenceEqual("(c)CRI"u8));
    }

    // Multipart JPEG (mpjpeg): a MIME boundary line, then part headers naming a content type.
    private static bool IsMultipartJpeg(ReadOnlySpan<byte> head)
    {
        if (!head.StartsWith("--"u8))
        {
            return false;
        }

        var window = head[..Math.Min(head.Length, 512)];
        for (var i = 0; i + 12 <= window.Length; i++)
        {
            if (Ascii.EqualsIgnoreCase(window.Slice(i, 12), "Content-Type"u8))
            {
                return true;
            }
        }

        return false;
    }
}
