using System.Security.Claims;
using System.Text;
using MediaVault.Infrastructure.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MediaVault.Integration.Tests.Support;

/// <summary>Access tokens signed like the API's, for tests that are not about signing in.</summary>
public static class TestTokens
{
    public const string SigningKey = "integration-tests-signing-key-0123456789-abcdefghijklmnop";
    public const string Issuer = "mediavault";
    public const string Audience = "mediavault-api";

    /// <summary>The security stamp of every user <see cref="Seed"/> creates; tokens carry its digest like the API's.</summary>
    public const string SecurityStamp = "integration-tests-security-stamp";

    public static string For(Guid userId, TimeSpan? lifetime = null, string? key = null, string issuer = Issuer, params string[] roles) =>
        Create(userId, lifetime, key, issuer, SecurityStamp, roles);

    /// <summary>A well-signed token without the security stamp claim, which the API never issues.</summary>
    public static string WithoutSecurityStamp(Guid userId) => Create(userId, null, null, Issuer, null, []);

    /// <summary>An unsigned token (<c>alg: none</c>) claiming to be <paramref name="userId"/>.</summary>
    public static string AlgNone(Guid userId)
    {
        static string Encode(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var exp = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds();
        return $"{Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{Encode($"{{\"sub\":\"{userId}\",\"iss\":\"{Issuer}\",\"aud\":\"{Audience}\",\"exp\":{exp}}}")}.";
    }

    private static string Create(Guid userId, TimeSpan? lifetime, string? key, string issuer, string? securityStamp, string[] roles)
    {
        var now = DateTime.UtcNow;
        var claims = new List<Claim> { new("sub", userId.ToString()) };
        if (securityStamp is not null)
        {
            claims.Add(new Claim(SecurityStampClaim.Type, SecurityStampClaim.ValueFor(securityStamp)));
        }

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
}
