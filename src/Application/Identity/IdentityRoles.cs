using MediaVault.Application.Abstractions;

namespace MediaVault.Application.Identity;

public static class IdentityRoles
{
    /// <summary>
    /// Manages accounts (not content). Given to an account listed in <c>Admin__Emails</c> once its password was set
    /// through that mailbox (a completed password reset).
    /// </summary>
    public const string Admin = "admin";

    /// <summary>
    /// Gives an account listed in <c>Admin__Emails</c> the admin role if it lacks it. Call it only right after its
    /// password was set through the mailbox (a completed reset): then whoever holds the password also reads the mailbox,
    /// which a verification alone does not prove (anybody can register an address, and a mail scanner opens the link).
    /// An address added to the list later takes effect at the next reset. Removing an address does not demote.
    /// </summary>
    internal static async Task<Account> GrantConfiguredRolesAsync(
        this IIdentityService identity, IdentitySettings settings, Account account, CancellationToken cancellationToken) =>
        settings.IsAdminEmail(account.Email) && !account.Roles.Contains(Admin)
            ? await identity.AddToRoleAsync(account.Id, Admin, cancellationToken)
            : account;
}
