namespace MediaVault.Domain.Assets;

/// <summary>A MIME type of a multimedia file: <c>image/*</c>, <c>video/*</c> or <c>audio/*</c>, nothing else.</summary>
public sealed record ContentType
{
    public const int MaxLength = 127;

    private ContentType(string value, MediaKind kind)
    {
        Value = value;
        Kind = kind;
    }

    public string Value { get; }

    public MediaKind Kind { get; }

    public static bool TryCreate(string? input, out ContentType? contentType)
    {
        contentType = null;
        var value = input?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return false;
        }

        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == value.Length - 1)
        {
            return false;
        }

        var subtype = value[(slash + 1)..];
        if (!subtype.All(IsTokenChar))
        {
            return false;
        }

        MediaKind? kind = value[..slash] switch
        {
            "image" => MediaKind.Image,
            "video" => MediaKind.Video,
            "audio" => MediaKind.Audio,
            _ => null,
        };
        if (kind is null)
        {
            return false;
        }

        contentType = new ContentType(value, kind.Value);
        return true;
    }

    public static ContentType Create(string input) =>
        TryCreate(input, out var contentType)
            ? contentType!
            : throw new ArgumentException("Only image/*, video/* and audio/* content types are accepted.", nameof(input));

    public override string ToString() => Value;

    // RFC 9110 token characters, without parameters: "image/png" yes, "image/png; x=y" no.
    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || "!#$&-^_.+".Contains(c, StringComparison.Ordinal);
}
