namespace MediaVault.Domain.Assets.Media;

/// <summary>
/// What probing the stored bytes found: pixel size (images, videos), duration (videos, audio) and the codec; each
/// <c>null</c> when it does not apply or could not be read.
/// </summary>
public sealed record MediaInfo(int? Width, int? Height, double? DurationSeconds, string? Codec)
{
    public const int CodecMaxLength = 64;

    /// <summary>Whether probing found anything at all.</summary>
    public bool IsEmpty => Width is null && Height is null && DurationSeconds is null && Codec is null;

    /// <summary>The probe's findings, cut to what is stored: positive sizes, a non-negative duration, a short codec name.</summary>
    public static MediaInfo Create(int? width, int? height, double? durationSeconds, string? codec) => new(
        width is > 0 ? width : null,
        height is > 0 ? height : null,
        durationSeconds is >= 0 and < double.PositiveInfinity ? Math.Round(durationSeconds.Value, 3) : null,
        string.IsNullOrWhiteSpace(codec) ? null : codec.Trim()[..Math.Min(codec.Trim().Length, CodecMaxLength)]);
}
