using System.Security.Claims;
using MediaVault.Application.Abstractions;
using MediaVault.Infrastructure.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MediaVault.WebApi.Infrastructure;

/// <summary>
/// Signs access tokens with the key and the issuer, audience and lifetime that <see cref="AuthenticationSetup"/>
/// validates: <c>sub</c> = user id, one role claim per role, <c>sst</c> = digest of the security stamp.
/// </summary>
internal sealed class JwtAccessTokenIssuer(JwtOptions options, SymmetricSecurityKey key, TimeProvider clock) : IAccessTokenIssuer
{
    private static readonly JsonWebTokenHandler Handler = new();

    public AccessToken Issue(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var now = clock.GetUtcNow();
        var lifetime = TimeSpan.FromMinutes(options.AccessTokenMinutes);
        var claims = new List<Claim>
        {
            new("sub", account.Id.Value.ToString()),
            new("jti", Guid.NewGuid().ToString("N")),
            new(SecurityStampClaim.Type, SecurityStampClaim.ValueFor(account.SecurityStamp)),
        };
        claims.AddRange(account.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
        return new AccessToken(token, now + lifetime, lifetime);
    }
}
