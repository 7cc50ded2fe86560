namespace MediaVault.Application.Identity;

/// <summary>What the identity use cases take from configuration (<c>App__PublicBaseUrl</c>, <c>Assets__DefaultQuotaBytes</c>,
/// <c>Admin__Emails</c>, <c>Jwt__RefreshTokenDays</c>); Infrastructure binds it.</summary>
public sealed class IdentitySettings
{
    /// <summary>Absolute base URL of e-mailed links.</summary>
    public required Uri PublicBaseUrl { get; init; }

    /// <summary>The storage quota of a new account's owner.</summary>
    public required long DefaultQuotaBytes { get; init; }

    /// <summary>How long an unused refresh token stays valid; each rotation starts a new period.</summary>
    public TimeSpan RefreshTokenLifetime { get; init; } = TimeSpan.FromDays(14);

    /// <summary>Lower-case addresses whose accounts get the admin role once their password was set through a reset link.</summary>
    public IReadOnlySet<string> AdminEmails { get; init; } = new HashSet<string>();

    public bool IsAdminEmail(string email) => AdminEmails.Contains(email.ToLowerInvariant());

    /// <summary>The link in the verification mail: the API's own GET endpoint, so a click verifies.</summary>
    public string VerificationLink(Guid userId, string token) => Link("api/v1/auth/verify-email", userId, token);

    /// <summary>The link in the reset mail: a page of the client application at the public base URL.</summary>
    public string PasswordResetLink(Guid userId, string token) => Link("reset-password", userId, token);

    private string Link(string path, Guid userId, string token) =>
        $"{PublicBaseUrl.ToString().TrimEnd('/')}/{path}?userId={userId}&token={Uri.EscapeDataString(token)}";
}
