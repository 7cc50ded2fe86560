using MediaVault.Application.Identity.Sessions;

namespace MediaVault.WebApi.Contracts;

/// <summary>Sign up. The password is 10 to 128 characters of any kind; the display name at most 100.</summary>
public sealed record RegisterRequest(string Email, string Password, string DisplayName);

/// <summary>The two values of the link in the verification mail.</summary>
public sealed record VerifyEmailRequest(Guid UserId, string Token);

public sealed record ResendVerificationRequest(string Email);

public sealed record LoginRequest(string Email, string Password);

public sealed record RefreshRequest(string RefreshToken);

public sealed record LogoutRequest(string RefreshToken);

public sealed record ForgotPasswordRequest(string Email);

/// <summary>The two values of the link in the reset mail, and the new password.</summary>
public sealed record ResetPasswordRequest(Guid UserId, string Token, string NewPassword);

/// <summary>
/// A token pair. Send <c>accessToken</c> as <c>Authorization: Bearer</c>; it expires after <c>expiresIn</c> seconds.
/// Trade <c>refreshToken</c> (single use) for the next pair at <c>POST /auth/refresh</c>.
/// </summary>
public sealed record TokenResponse(string AccessToken, string RefreshToken, string TokenType, int ExpiresIn)
{
    public static TokenResponse From(AuthTokens tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return new TokenResponse(tokens.AccessToken, tokens.RefreshToken, "Bearer", tokens.ExpiresInSeconds);
    }
}

public sealed record EmailVerifiedResponse(bool EmailVerified);
