using MediaVault.Application.Abstractions;
using MediaVault.Application.Identity;
using MediaVault.Application.Identity.Sessions;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Tests.Identity;

/// <summary>The settings, accounts and tokens the identity handler tests start from.</summary>
internal static class IdentityFixtures
{
    public const string AdminEmail = "boss@example.com";

    public static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    public static readonly IdentitySettings Settings = new()
    {
        PublicBaseUrl = new Uri("https://media.example.com/"),
        DefaultQuotaBytes = 5_000_000,
        RefreshTokenLifetime = TimeSpan.FromDays(14),
        AdminEmails = new HashSet<string> { AdminEmail },
    };

    public static Account AnAccount(
        string email = "ada@example.com", bool verified = true, bool disabled = false, params string[] roles) =>
        new(UserId.New(), email, "Ada", verified, disabled, "stamp-1", roles, Now.AddDays(-30));

    /// <summary>A stored token and its clear value, as a sign-in <paramref name="ago"/> would have left it.</summary>
    public static (RefreshToken Token, string Value) AStoredToken(UserId userId, TimeSpan ago, Guid? familyId = null)
    {
        var (token, value) = RefreshTokenSecret.Issue(familyId ?? Guid.CreateVersion7(), userId, Now - ago, Settings.RefreshTokenLifetime);
        return (token, value);
    }

    public static AccessToken AnAccessToken(Account account) =>
        new($"access-token-for-{account.Id}", Now.AddMinutes(15), TimeSpan.FromMinutes(15));
}
