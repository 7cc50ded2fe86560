using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MediaVault.Integration.Tests.Support;

/// <summary>Access tokens signed like the API's, for tests that are not about signing in.</summary>
public static class TestTokens
{
    public const string SigningKey = "integration-tests-signing-key-0123456789-abcdefghijklmnop";
    public const string Issuer = "mediavault";
    public const string Audience = "mediavault-api";

    public static string For(Guid userId, TimeSpan? lifetime = null, string? key = null, string issuer = Issuer, params string[] roles)
    {
        var now = DateTime.UtcNow;
        var claims = new List<Claim> { new("sub", userId.ToString()) };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(5));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = issuer,
            Audience = Audience,
            NotBefore = expires < now ? expires.AddMinutes(-1) : now,
            IssuedAt = expires < now ? expires.AddMinutes(-1) : now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key ?? SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>An unsigned token (<c>alg: none</c>) claiming to be <paramref name="userId"/>.</summary>
    public static string AlgNone(Guid userId)
    {
        static string Encode(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var exp = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds();
        return $"{Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{Encode($"{{\"sub\":\"{userId}\",\"iss\":\"{Issuer}\",\"aud\":\"{Audience}\",\"exp\":{exp}}}")}.";
    }
}
