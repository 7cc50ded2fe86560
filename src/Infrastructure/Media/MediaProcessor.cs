using System.Buffers;
using System.Security.Cryptography;
using MediaVault.Application.Abstractions;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Media;
using MediaVault.Infrastructure.Storage;

namespace MediaVault.Infrastructure.Media;

/// <summary>
/// Processes one stored object. Images: the object is streamed once to a temporary file while it is hashed, decoded from
/// there (see <see cref="ImageRenditions"/>), and the file is deleted. Videos and audio: the object is streamed once
/// through SHA-256 without being kept (only its first bytes are, in a small buffer); when those do not start like any
/// video or audio format (<see cref="MediaSignatures"/>) the file is unreadable without starting a tool. Otherwise
/// ffprobe/ffmpeg read it themselves through a presigned GET (the embedded store hands them the object's file instead:
/// the API's signed URLs are not reachable from inside a test host), so a large video is never held by the worker. A
/// video's poster frame is taken at 10% of its duration (the first frame when that fails) and turned into its
/// renditions like a picture.
/// </summary>
internal sealed class MediaProcessor(IObjectStorage storage, MediaTools tools, TimeProvider clock) : IMediaProcessor
{
    private const int BufferSize = 81920;
    private const string NotTimedMedia = "The file is not a video or audio format MediaVault can read.";
    private static readonly TimeSpan ToolUrlLifetime = TimeSpan.FromMinutes(30);

    public async Task<MediaProcessingResult> ProcessAsync(MediaSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Kind == MediaKind.Image
            ? await ProcessImageAsync(source, cancellationToken)
            : await ProcessTimedMediaAsync(source, cancellationToken);
    }

    private async Task<MediaProcessingResult> ProcessImageAsync(MediaSource source, CancellationToken cancellationToken)
    {
        var temp = Path.Combine(Path.GetTempPath(), $"mediavault-{Guid.NewGuid():N}");
        try
        {
            await using var file = new FileStream(
                temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferSize, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
            var (digest, _) = await CopyHashingAsync(source.StorageKey, file, Memory<byte>.Empty, cancellationToken);
            if (digest is null)
            {
                return new MediaProcessingResult(null, null, [], "The stored object is missing.");
            }

            file.Position = 0;
            var (probe, encoded, failure) = ImageRenditions.Make(file, source.Renditions);
            var media = probe is null ? null : MediaInfo.Create(probe.Width, probe.Height, null, probe.Codec);
            return new MediaProcessingResult(digest, media, await StoreAsync(encoded, cancellationToken), failure);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private async Task<MediaProcessingResult> ProcessTimedMediaAsync(MediaSource source, CancellationToken cancellationToken)
    {
        var head = new byte[MediaSignatures.HeadLength];
        var (digest, headLength) = await CopyHashingAsync(source.StorageKey, Stream.Null, head, cancellationToken);
        if (digest is null)
        {
            return new MediaProcessingResult(null, null, [], "The stored object is missing.");
        }

        if (!MediaSignatures.LooksLikeTimedMedia(head.AsSpan(0, headLength)))
        {
            return new MediaProcessingResult(digest, null, [], NotTimedMedia);
        }

        var input = await ToolInputAsync(source, cancellationToken);
        var (probe, failure) = await tools.ProbeAsync(input, cancellationToken);
        if (probe is null)
        {
            return new MediaProcessingResult(digest, null, [], failure);
        }

        var media = MediaInfo.Create(probe.Width, probe.Height, probe.DurationSeconds, probe.Codec);
        if (source.Renditions.Count == 0)
        {
            return new MediaProcessingResult(digest, media, [], null);
        }

        if (!probe.HasVideo)
        {
            return new MediaProcessingResult(digest, media, [], "The file has no picture to make renditions of.");
        }

        var (frame, frameFailure) = await tools.FrameAsync(input, (probe.DurationSeconds ?? 0) * 0.1, cancellationToken);
        if (frame is null)
        {
            (frame, frameFailure) = await tools.FrameAsync(input, 0, cancellationToken);
        }

        if (frame is null)
        {
            return new MediaProcessingResult(digest, media, [], frameFailure);
        }

        using var png = new MemoryStream(frame, writable: false);
        var (_, encoded, pictureFailure) = ImageRenditions.Make(png, source.Renditions);
        return new MediaProcessingResult(digest, media, await StoreAsync(encoded, cancellationToken), pictureFailure);
    }

    // Where ffprobe and ffmpeg read the object: its file in the embedded store, a presigned GET otherwise.
    private async Task<string> ToolInputAsync(MediaSource source, CancellationToken cancellationToken)
    {
        if (storage is FileSystemObjectStorage files && files.ExistingPathFor(source.StorageKey) is { } path)
        {
            return "file:" + path;
        }

        var url = await storage.PresignGetAsync(
            source.StorageKey, "media", source.ContentType, DownloadDisposition.Inline, clock.GetUtcNow() + ToolUrlLifetime, cancellationToken);
        return url.AbsoluteUri;
    }

    // Streams the object into `target` (Stream.Null to only hash it) and keeps its first bytes in `head` (as many as
    // fit, and how many were kept); a null digest when nothing is stored.
    private async Task<(Sha256Digest? Digest, int HeadLength)> CopyHashingAsync(
        string key, Stream target, Memory<byte> head, CancellationToken cancellationToken)
    {
        await using var stored = await storage.OpenReadAsync(key, cancellationToken);
        if (stored is null)
        {
            return (null, 0);
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var kept = 0;
        try
        {
            int read;
            while ((read = await stored.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                if (kept < head.Length)
                {
                    var take = Math.Min(read, head.Length - kept);
                    buffer.AsMemory(0, take).CopyTo(head[kept..]);
                    kept += take;
                }

                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return (Sha256Digest.Create(Convert.ToHexStringLower(hash.GetHashAndReset())), kept);
    }

    private async Task<IReadOnlyList<ProducedRendition>> StoreAsync(IReadOnlyList<ImageRenditions.Encoded> encoded, CancellationToken cancellationToken)
    {
        var produced = new List<ProducedRendition>(encoded.Count);
        foreach (var rendition in encoded)
        {
            using var content = new MemoryStream(rendition.Bytes, writable: false);
            await storage.PutAsync(rendition.Target.StorageKey, content, ImageRenditions.ContentType, cancellationToken);
            produced.Add(new ProducedRendition(rendition.Target.Name, ImageRenditions.ContentType, rendition.Width, rendition.Height));
        }

        return produced;
    }
}
