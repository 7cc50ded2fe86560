using MediaVault.Domain.Owners;
using MediaVault.Domain.Users;
using MediaVault.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Integration.Tests.Support;

/// <summary>An account seeded for a test: its id (also its owner id), e-mail and display name.</summary>
public sealed record TestAccount(UserId Id, string Email, string DisplayName)
{
    public Guid Value => Id.Value;
}

/// <summary>
/// Arranges accounts the way registration leaves them (an Identity user with its normalized e-mail, and its Owner),
/// without going through registration: for tests that are about what happens after.
/// </summary>
public static class SeedAccounts
{
    private static readonly UpperInvariantLookupNormalizer Normalizer = new();

    public static string NewEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@example.com";

    public static async Task<TestAccount> AccountAsync(
        this MediaVaultApi api,
        string? email = null,
        string? displayName = null,
        bool emailConfirmed = true,
        bool disabled = false,
        string[]? roles = null,
        DateTimeOffset? createdAt = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        var id = UserId.New();
        email ??= NewEmail();
        displayName ??= $"Person {id.Value.ToString()[..8]}";
        await api.WithDbAsync(async db =>
        {
            var now = createdAt ?? DateTimeOffset.UtcNow;
            db.Users.Add(new ApplicationUser
            {
                Id = id.Value,
                UserName = email,
                NormalizedUserName = Normalizer.NormalizeName(email),
                Email = email,
                NormalizedEmail = Normalizer.NormalizeEmail(email),
                EmailConfirmed = emailConfirmed,
                IsDisabled = disabled,
                DisplayName = displayName,
                // The stamp TestTokens.For signs into its tokens, so they are accepted for this account.
                SecurityStamp = TestTokens.SecurityStamp,
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true,
                CreatedAt = now,
            });
            db.Owners.Add(Owner.Open(id, Seed.Quota, now));
            foreach (var role in roles ?? [])
            {
                var existing = await db.Roles.SingleOrDefaultAsync(r => r.NormalizedName == Normalizer.NormalizeName(role));
                if (existing is null)
                {
                    existing = new IdentityRole<Guid> { Id = Guid.NewGuid(), Name = role, NormalizedName = Normalizer.NormalizeName(role) };
                    db.Roles.Add(existing);
                }

                db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = id.Value, RoleId = existing.Id });
            }

            return await db.SaveChangesAsync();
        });
        return new TestAccount(id, email, displayName);
    }

    /// <summary>Whether the account is disabled now, read from the database.</summary>
    public static Task<bool> IsDisabledAsync(this MediaVaultApi api, UserId id) =>
        api.WithDbAsync(db => db.Users.Where(u => u.Id == id.Value).Select(u => u.IsDisabled).SingleAsync());
}
