using MediaVault.Application.Abstractions;

namespace MediaVault.Application.Identity;

public static class IdentityRoles
{
    /// <summary>Manages accounts (not content). Given to the verified addresses listed in <c>Admin__Emails</c>.</summary>
    public const string Admin = "admin";

    /// <summary>
    /// Gives a verified account listed in <c>Admin__Emails</c> the admin role if it lacks it: at verification, and at
    /// each sign-in so that an address added to the list later takes effect. Removing an address does not demote.
    /// </summary>
    internal static async Task<Account> ApplyConfiguredRolesAsync(
        this IIdentityService identity, IdentitySettings settings, Account account, CancellationToken cancellationToken) =>
        account.EmailVerified && settings.IsAdminEmail(account.Email) && !account.Roles.Contains(Admin)
            ? await identity.AddToRoleAsync(account.Id, Admin, cancellationToken)
            : account;
}
