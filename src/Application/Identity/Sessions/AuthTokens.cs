namespace MediaVault.Application.Identity.Sessions;

/// <summary>What a sign-in or a refresh hands out: a short-lived access token and the next refresh token.</summary>
public sealed record AuthTokens(string AccessToken, string RefreshToken, int ExpiresInSeconds);
