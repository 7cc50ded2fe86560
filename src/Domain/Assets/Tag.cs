using MediaVault.Domain.Common;

namespace MediaVault.Domain.Assets;

/// <summary>
/// A label on an asset: trimmed, lower case, letters, digits, '-', '_' and '.', at most <see cref="MaxLength"/> characters.
/// A control character anywhere refuses the tag, before trimming: NEL (U+0085) is white space to <c>Trim</c> and would
/// otherwise be dropped silently instead of refused like every other control character (<see cref="FreeText"/>).
/// </summary>
public sealed record Tag
{
    public const int MaxLength = 50;

    /// <summary>An asset carries at most this many tags.</summary>
    public const int MaxPerAsset = 20;

    private Tag(string value) => Value = value;

    public string Value { get; }

    public static bool TryCreate(string? input, out Tag? tag)
    {
        tag = null;
        if (input is null || !FreeText.IsSingleLine(input))
        {
            return false;
        }

        var value = input.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return false;
        }

        if (!value.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            return false;
        }

        tag = new Tag(value);
        return true;
    }

    public static Tag Create(string input) =>
        TryCreate(input, out var tag) ? tag! : throw new ArgumentException("Not a valid tag.", nameof(input));

    public override string ToString() => Value;
}
