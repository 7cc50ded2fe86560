using MediaVault.Application.Abstractions;
using Microsoft.AspNetCore.Identity;

namespace MediaVault.Infrastructure.Identity;

/// <summary>
/// Secrets a person chooses (link passwords) hashed like account passwords: ASP.NET Core Identity's
/// <see cref="PasswordHasher{TUser}"/> (PBKDF2 with HMAC-SHA512, a random salt per hash, the iteration count kept in the
/// hash so that it can be raised later). Verification compares in constant time.
/// </summary>
internal sealed class SecretHasher : ISecretHasher
{
    private static readonly PasswordHasher<Secret> Hasher = new();
    private static readonly Secret Subject = new();

    public string Hash(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return Hasher.HashPassword(Subject, secret);
    }

    public bool Verify(string hash, string secret)
    {
        ArgumentNullException.ThrowIfNull(hash);
        ArgumentNullException.ThrowIfNull(secret);
        try
        {
            return Hasher.VerifyHashedPassword(Subject, hash, secret) != PasswordVerificationResult.Failed;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>PasswordHasher is generic over the user type; link secrets belong to no user.</summary>
    private sealed class Secret;
}
