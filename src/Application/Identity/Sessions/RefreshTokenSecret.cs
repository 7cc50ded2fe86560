using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using MediaVault.Application.Abstractions;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Identity.Sessions;

/// <summary>
/// Refresh token values: 32 random bytes, base64url. Only their SHA-256 is stored, so a copy of the database signs
/// nobody in.
/// </summary>
public static class RefreshTokenSecret
{
    public const int SizeBytes = 32;

    /// <summary>Longer input is not a token this server issued (43 characters); it is refused before hashing.</summary>
    public const int MaxLength = 128;

    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    /// <summary>A new token of <paramref name="familyId"/>, returned with its clear value (shown once, never stored).</summary>
    internal static (RefreshToken Token, string Value) Issue(Guid familyId, UserId userId, DateTimeOffset now, TimeSpan lifetime)
    {
        var value = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SizeBytes));
        return (new RefreshToken(Guid.CreateVersion7(), familyId, userId, Hash(value), now, now + lifetime), value);
    }
}
