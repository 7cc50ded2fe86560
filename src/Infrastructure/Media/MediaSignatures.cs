using System.Buffers.Binary;
using System.Text;

namespace MediaVault.Infrastructure.Media;

/// <summary>
/// Recognizes, from the first bytes of a stored object, whether it can be a video or audio file at all, so that bytes
/// that are plainly something else (noise, a document, an archive) are failed without starting ffprobe (about 70 ms of
/// CPU for its start-up alone). The test is generous on purpose: a false "no" costs a user their renditions, a false
/// "yes" only one ffprobe run. It answers "yes" for every container or stream that ffmpeg writes and ffprobe recognizes
/// from its content (the tool never sees a file name: stored objects have no extension), for formats it only reads
/// (tracker modules through libopenmpt, game music through libgme, older containers), for pictures ffmpeg reads as a
/// one-frame video (a picture declared as a video still gets its poster), and for any of these after zero padding.
/// Rejected: everything else, including formats ffprobe cannot detect by content either (raw PCM, raw aptX, SBC, GSM,
/// ...), a signature preceded by other junk, and MIDI (<c>MThd</c>), which ffmpeg neither demuxes nor decodes. About
/// 0.1% of random heads pass (two-byte sync words: MPEG audio, LATM, AC-3, ADX, AV1, BMP).
/// </summary>
internal static class MediaSignatures
{
    /// <summary>How many first bytes of an object are kept to be tested (a MOD's signature sits at byte 1,080).</summary>
    public const int HeadLength = 4096;

    private const byte TransportSync = 0x47;
    private const int ModSignatureOffset = 1080;

    // Transport packet sizes: plain, with a 4-byte timestamp first (M2TS), with 16 bytes of error correction.
    private static readonly int[] TransportPacketSizes = [188, 192, 204];

    // A signature at a fixed offset, with the format(s) it belongs to.
    private static readonly (int Offset, byte[] Bytes)[] Magics =
    [
        // Containers and streams ffmpeg writes.
        (0, [0x1A, 0x45, 0xDF, 0xA3]),                         // EBML: Matroska, WebM
        (0, "RIFF"u8.ToArray()), (0, "RF64"u8.ToArray()), (0, "BW64"u8.ToArray()), // WAVE, AVI, WebP, any other RIFF
        (0, [0x72, 0x69, 0x66, 0x66, 0x2E, 0x91, 0xCF, 0x11]), // Sony Wave64 ("riff" + GUID)
        (0, "OggS"u8.ToArray()),                               // Ogg: Vorbis, Opus, Speex, FLAC, Theora
        (0, "fLaC"u8.ToArray()),                               // FLAC
        (0, "ID3"u8.ToArray()),                                // ID3v2 tag, followed by anything (MP3, AAC, FLAC, ...)
        (0, "APETAGEX"u8.ToArray()),                           // APEv2 tag first
        (0, "FORM"u8.ToArray()),                               // IFF: AIFF, AIFC, 8SVX, Westwood VQA
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
        (0, "DTSHDHDR"u8.ToArray()),                           // DTS-HD
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
        (0, "#!iLBC"u8.ToArray()),                             // iLBC

        // Containers ffmpeg only reads.
        (0, "BIK"u8.ToArray()), (0, "KB2"u8.ToArray()), (0, "1FCB"u8.ToArray()), // Bink, Bink audio
        (0, "SMK2"u8.ToArray()), (0, "SMK4"u8.ToArray()),      // Smacker
        (0, "NSVf"u8.ToArray()), (0, "NSVs"u8.ToArray()),      // Nullsoft Video
        (0, "TWIN"u8.ToArray()),                               // TwinVQ (VQF)
        (0, "tBaK"u8.ToArray()),                               // TAK
        (0, "OFR "u8.ToArray()),                               // OptimFROG
        (0, "ajkg"u8.ToArray()),                               // Shorten
        (0, "RSTM"u8.ToArray()), (0, "FSTM"u8.ToArray()), (0, "CSTM"u8.ToArray()), // Nintendo streams
        (0, "Interplay MVE File"u8.ToArray()),                 // Interplay MVE
        (0, "NuppelVideo"u8.ToArray()), (0, "MythTVVideo"u8.ToArray()), // NuppelVideo
        (0, "VAGp"u8.ToArray()), (0, "XVAG"u8.ToArray()),      // Sony VAG, XVAG
        (0, "THP\0"u8.ToArray()),                              // Nintendo THP
        (0, "NIST_1A"u8.ToArray()),                            // NIST SPHERE
        (0, [0x65, 0x61, 0x33, 0x03]), (0, [0x45, 0x41, 0x33, 0x01]), // Sony OpenMG (OMA)
        (0, "2BIT"u8.ToArray()),                               // AVR
        (0, "MLVI"u8.ToArray()),                               // Magic Lantern Video
        (0, "DEXA"u8.ToArray()),                               // DXA
        (0, "SCHl"u8.ToArray()),                               // Electronic Arts
        (0, "FSB4"u8.ToArray()), (0, "FSB5"u8.ToArray()),      // FMOD sound bank
        (0, "HCA\0"u8.ToArray()),                              // CRI HCA
        (0, "SEDBSSCF"u8.ToArray()),                           // Square Enix SCD
        (0, "MUSX"u8.ToArray()), (0, "MTAF"u8.ToArray()), (0, "GENH"u8.ToArray()), (0, "SShd"u8.ToArray()),
        (0, "ARMovie\n"u8.ToArray()),                          // Acorn Replay
        (0, "SIFF"u8.ToArray()), (0, "TMAV"u8.ToArray()), (0, "DHAV"u8.ToArray()),
        (0, "IMA_ADPCM_Sound"u8.ToArray()), (0, "CRYO_APC"u8.ToArray()),
        (0, [0x02, 0x64, 0x73, 0x73]), (0, [0x03, 0x64, 0x73, 0x73]), // Olympus DSS

        // Tracker modules (libopenmpt); a MOD's signature is at byte 1,080 (see IsModule).
        (0, "Extended Module: "u8.ToArray()),                  // XM
        (0, "IMPM"u8.ToArray()),                               // Impulse Tracker, OpenMPT
        (44, "SCRM"u8.ToArray()),                              // Scream Tracker 3
        (20, "!Scream!"u8.ToArray()), (20, "BMOD2STM"u8.ToArray()), // Scream Tracker 2
        (0, [0x4D, 0x54, 0x4D, 0x10]),                         // MultiTracker
        (0, "MMD0"u8.ToArray()), (0, "MMD1"u8.ToArray()), (0, "MMD2"u8.ToArray()), (0, "MMD3"u8.ToArray()), // OctaMED
        (0, "OKTASONG"u8.ToArray()),                           // Oktalyzer
        (0, "MAS_UTrack_V00"u8.ToArray()),                     // UltraTracker
        (0, [0x46, 0x41, 0x52, 0xFE]),                         // Farandole
        (44, "PTMF"u8.ToArray()),                              // PolyTracker
        (0, "DBM0"u8.ToArray()), (0, "DDMF"u8.ToArray()), (0, "DMDL"u8.ToArray()), (0, "DSMF"u8.ToArray()),
        (0, "PSM "u8.ToArray()), (0, [0x50, 0x53, 0x4D, 0xFE]), // Epic MegaGames MASI
        (0, [0x47, 0x44, 0x4D, 0xFE]),                         // General DigiMusic
        (60, "IM10"u8.ToArray()),                              // Imago Orpheus
        (0, "MT20"u8.ToArray()), (0, "MO3"u8.ToArray()), (0, "SymM"u8.ToArray()),
        (0, [0xC1, 0x83, 0x2A, 0x9E]),                         // Unreal UMX

        // Game music (libgme).
        (0, [0x4E, 0x45, 0x53, 0x4D, 0x1A]), (0, "NSFE"u8.ToArray()), // NES
        (0, "SNES-SPC700 Sound File Data"u8.ToArray()),        // SNES
        (0, "Vgm "u8.ToArray()), (0, "GYMX"u8.ToArray()),      // Sega
        (0, "GBS"u8.ToArray()), (0, "HESM"u8.ToArray()), (0, "KSCC"u8.ToArray()), (0, "KSSX"u8.ToArray()),
        (0, "ZXAYEMUL"u8.ToArray()), (0, "SAP\r\n"u8.ToArray()), (0, "SAP\n"u8.ToArray()),

        // Pictures ffmpeg reads as a one-frame (or animated) video.
        (0, "GIF87a"u8.ToArray()), (0, "GIF89a"u8.ToArray()),  // GIF
        (0, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), // PNG, APNG
        (0, [0xFF, 0xD8, 0xFF]),                               // JPEG, raw MJPEG
        (0, [0x49, 0x49, 0x2A, 0x00]), (0, [0x4D, 0x4D, 0x00, 0x2A]), // TIFF
        (0, "qoif"u8.ToArray()), (0, "8BPS"u8.ToArray()), (0, "DDS "u8.ToArray()), // QOI, Photoshop, DirectDraw
        (0, [0x76, 0x2F, 0x31, 0x01]),                         // OpenEXR
        (0, [0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20]), (0, [0xFF, 0x4F, 0xFF, 0x51]), // JPEG 2000
    ];

    // Box types an ISO base media (MP4, MOV, 3GP, M4A, F4V, ISMV, fragments) or QuickTime file can start with.
    private static readonly byte[][] FirstBoxTypes =
    [
        .. new[] { "ftyp", "styp", "moov", "moof", "mdat", "free", "skip", "wide", "pnot", "uuid", "junk", "sidx", "PICT" }
            .Select(Encoding.ASCII.GetBytes),
    ];

    // Channel tags at byte 1,080 of a ProTracker-style MOD, besides "xCHN" and "xxCH"/"xxCN" (digits).
    private static readonly byte[][] ModTags =
    [
        .. new[] { "M.K.", "M!K!", "M&K!", "FLT4", "FLT8", "CD81", "OKTA", "OCTA", "NSMS", "LARD", "PATT", "FEST", "N.T." }
            .Select(Encoding.ASCII.GetBytes),
    ];

    /// <summary>
    /// Whether <paramref name="head"/> (the first bytes of an object, up to <see cref="HeadLength"/>; all of it when
    /// the object is shorter) starts, maybe after zero padding, like a file ffmpeg demuxes for video or audio.
    /// </summary>
    public static bool LooksLikeTimedMedia(ReadOnlySpan<byte> head)
    {
        if (StartsLikeMedia(head))
        {
            return true;
        }

        // Zero padding before a stream (ffmpeg's probes look past it): a start code after stuffing, or any signature.
        var start = head.IndexOfAnyExcept((byte)0);
        return start > 0 && ((start >= 2 && head[start] == 0x01) || StartsLikeMedia(head[start..]));
    }

    private static bool StartsLikeMedia(ReadOnlySpan<byte> head)
    {
        foreach (var (offset, bytes) in Magics)
        {
            if (head.Length >= offset + bytes.Length && head.Slice(offset, bytes.Length).SequenceEqual(bytes))
            {
                return true;
            }
        }

        return IsIsoBaseMedia(head) || IsIrcam(head) || IsMpegTransportStream(head) || IsMpegAudioFrame(head)
            || IsLatm(head) || IsAdx(head) || IsMultipartJpeg(head) || IsModule(head) || IsBmp(head);
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

    // MPEG-TS with 188-byte packets (204 with error correction, 192 with a 4-byte timestamp first, as in M2TS): a sync
    // byte at the start of the first two packets; or, for a stream cut in the middle of a packet, three syncs a packet
    // apart within the first packet's length. A stream shorter than two packets holds nothing to play.
    private static bool IsMpegTransportStream(ReadOnlySpan<byte> head)
    {
        foreach (var packet in TransportPacketSizes)
        {
            var first = packet == 192 ? 4 : 0;
            if (head.Length > first + packet && head[first] == TransportSync && head[first + packet] == TransportSync)
            {
                return true;
            }

            for (var at = 0; at < packet && at + (2 * packet) < head.Length; at++)
            {
                if (head[at] == TransportSync && head[at + packet] == TransportSync && head[at + (2 * packet)] == TransportSync)
                {
                    return true;
                }
            }
        }

        return false;
    }

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

    // A ProTracker-style MOD: its channel tag at byte 1,080.
    private static bool IsModule(ReadOnlySpan<byte> head)
    {
        if (head.Length < ModSignatureOffset + 4)
        {
            return false;
        }

        var tag = head.Slice(ModSignatureOffset, 4);
        foreach (var known in ModTags)
        {
            if (tag.SequenceEqual(known))
            {
                return true;
            }
        }

        return (char.IsAsciiDigit((char)tag[0]) && tag[1..].SequenceEqual("CHN"u8))
            || (char.IsAsciiDigit((char)tag[0]) && char.IsAsciiDigit((char)tag[1]) && (tag[2..].SequenceEqual("CH"u8) || tag[2..].SequenceEqual("CN"u8)));
    }

    // BMP: "BM", then a known DIB header size at byte 14.
    private static bool IsBmp(ReadOnlySpan<byte> head) =>
        head.Length >= 18 && head[0] == (byte)'B' && head[1] == (byte)'M'
        && BinaryPrimitives.ReadUInt32LittleEndian(head[14..]) is 12 or 40 or 52 or 56 or 64 or 108 or 124;
}
