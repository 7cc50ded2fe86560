using MediaVault.Domain.Common;

namespace MediaVault.Domain.Assets;

/// <summary>The name of the uploaded file as the user knows it: no folders, no control characters.</summary>
public sealed record FileName
{
    public const int MaxLength = 255;

    private FileName(string value) => Value = value;

    public string Value { get; }

    public static bool TryCreate(string? input, out FileName? fileName)
    {
        fileName = null;
        var value = input?.Trim();
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength || value is "." or "..")
        {
            return false;
        }

        if (!FreeText.IsSingleLine(value) || value.Any(c => c is '/' or '\\'))
        {
            return false;
        }

        fileName = new FileName(value);
        return true;
    }

    public static FileName Create(string input) =>
        TryCreate(input, out var fileName) ? fileName! : throw new ArgumentException("Not a valid file name.", nameof(input));

    public override string ToString() => Value;
}
