namespace MediaVault.Application.Abstractions;

/// <summary>A signed, short-lived access token and when it stops working.</summary>
public sealed record AccessToken(string Value, DateTimeOffset ExpiresAt, TimeSpan Lifetime);

/// <summary>Mints access tokens (JWTs) naming the account, its roles and its current security stamp.</summary>
public interface IAccessTokenIssuer
{
    AccessToken Issue(Account account);
}
