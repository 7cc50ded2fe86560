namespace MediaVault.Domain.Assets;

/// <summary>A label on an asset: trimmed, lower case, letters, digits, '-', '_' and '.', at most <see cref="MaxLength"/> characters.</summary>
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
        var value = input?.Trim().ToLowerInvariant();
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
