using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Media;

namespace MediaVault.Application.Abstractions;

/// <summary>A rendition to make: its name, where to store it, and the longest side it may have.</summary>
public sealed record RenditionTarget(string Name, string StorageKey, int MaxSide);

/// <summary>The stored object of a ready asset, and the renditions to make from it.</summary>
public sealed record MediaSource(string StorageKey, string ContentType, MediaKind Kind, long SizeBytes, IReadOnlyList<RenditionTarget> Renditions);

/// <summary>A rendition that was stored under its target's key.</summary>
public sealed record ProducedRendition(string Name, string ContentType, int Width, int Height);

/// <summary>
/// What processing found. <see cref="Digest"/>: SHA-256 of the stored bytes (<c>null</c> when there were none).
/// <see cref="Media"/>: what probing read (<c>null</c> when nothing). A target missing from <see cref="Renditions"/>
/// could not be made; <see cref="Failure"/> says why.
/// </summary>
public sealed record MediaProcessingResult(Sha256Digest? Digest, MediaInfo? Media, IReadOnlyList<ProducedRendition> Renditions, string? Failure);

/// <summary>
/// Reads a stored object once, hashing it while probing it, and writes its renditions next to it. A file that cannot be
/// read is a result (<see cref="MediaProcessingResult.Failure"/>), not an exception; an exception means the store or a
/// tool did not answer, and processing is tried again later.
/// </summary>
public interface IMediaProcessor
{
    Task<MediaProcessingResult> ProcessAsync(MediaSource source, CancellationToken cancellationToken);
}
