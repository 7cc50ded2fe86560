namespace MediaVault.Domain.Assets;

/// <summary>A SHA-256 digest the client declares for its file: 64 hexadecimal characters, kept in lower case.</summary>
public sealed record Sha256Digest
{
    public const int Length = 64;

    private Sha256Digest(string value) => Value = value;

    public string Value { get; }

    public static bool TryCreate(string? input, out Sha256Digest? digest)
    {
        digest = null;
        var value = input?.Trim().ToLowerInvariant();
        if (value is null || value.Length != Length || !value.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        digest = new Sha256Digest(value);
        return true;
    }

    public static Sha256Digest Create(string input) =>
        TryCreate(input, out var digest) ? digest! : throw new ArgumentException("Not a SHA-256 hex digest.", nameof(input));

    public override string ToString() => Value;
}
