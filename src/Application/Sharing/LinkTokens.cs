using System.Security.Cryptography;
using System.Text;

namespace MediaVault.Application.Sharing;

/// <summary>
/// Public link tokens: 32 bytes (256 bits) from the system's cryptographic random generator, written as 43 base64url
/// characters. Only the SHA-256 of a token is stored; a token is looked up by hashing it again. A fast hash is right
/// here: the token is random and long, not a password a person chose.
/// </summary>
public static class LinkTokens
{
    public const int TokenBytes = 32;

    /// <summary>43: 32 bytes in base64url without padding.</summary>
    public const int TokenLength = 43;

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[TokenBytes];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The stored form of a token: SHA-256 as 64 lower-case hex characters.</summary>
    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>Whether <paramref name="token"/> could be one this server issued (so that junk is not even looked up).</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: TokenLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
