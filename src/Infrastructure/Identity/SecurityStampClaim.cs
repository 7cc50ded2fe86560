using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace MediaVault.Infrastructure.Identity;

/// <summary>
/// The access token's <c>sst</c> claim: a digest of the account's security stamp when the token was issued. Identity
/// changes the stamp with the credentials (a password reset), so tokens issued before stop matching at once. The token
/// carries a digest, not the stamp: JWT payloads are readable.
/// </summary>
public static class SecurityStampClaim
{
    public const string Type = "sst";

    public static string ValueFor(string securityStamp) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(securityStamp)));

    public static bool Matches(string? claimValue, string? securityStamp) =>
        !string.IsNullOrEmpty(claimValue)
        && !string.IsNullOrEmpty(securityStamp)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(claimValue), Encoding.UTF8.GetBytes(ValueFor(securityStamp)));
}
