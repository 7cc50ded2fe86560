using Ardalis.Result;
using MediaVault.Domain.Owners;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Abstractions;

/// <summary>An account as the identity store knows it. <see cref="SecurityStamp"/> changes whenever credentials do.</summary>
public sealed record Account(
    UserId Id,
    string Email,
    string DisplayName,
    bool EmailVerified,
    bool IsDisabled,
    string SecurityStamp,
    IReadOnlyList<string> Roles,
    DateTimeOffset CreatedAt);

/// <summary>What a person signs up with; the password is still in clear text here and only the store hashes it.</summary>
public sealed record NewAccount(UserId Id, EmailAddress Email, string DisplayName, string Password, DateTimeOffset CreatedAt);

/// <summary>What registering an address did to the store.</summary>
public enum RegistrationOutcome
{
    /// <summary>A new account and its owner were created.</summary>
    Created,

    /// <summary>
    /// The address already had an unverified account: its password and display name were replaced by the new ones and
    /// its security stamp rotated, so every verification (and reset) link mailed before stopped working.
    /// </summary>
    CredentialsReplaced,

    /// <summary>The address has a verified account: nothing changed.</summary>
    AlreadyVerified,

    /// <summary>The address has a disabled account: nothing changed.</summary>
    Disabled,
}

/// <summary>The outcome of a registration and the account of the address as it is now.</summary>
public sealed record Registration(RegistrationOutcome Outcome, Account Account);

public enum PasswordCheckStatus
{
    Succeeded,
    WrongCredentials,
    LockedOut,
}

/// <summary>
/// The outcome of checking a password. <see cref="Account"/> is set only on success; <see cref="LockedOutUntil"/> only
/// when the account is locked out (also when this very attempt locked it).
/// </summary>
public sealed record PasswordCheck(PasswordCheckStatus Status, Account? Account = null, DateTimeOffset? LockedOutUntil = null);

/// <summary>
/// Accounts and credentials (ASP.NET Core Identity in Infrastructure): creation, password checks with lockout, and the
/// single-use tokens that are e-mailed for confirming an address and resetting a password.
/// </summary>
public interface IIdentityService
{
    /// <summary>
    /// Registers an address: creates the account and its <paramref name="owner"/> in one transaction, or, when the
    /// address has an unverified account, replaces that account's password and display name (see
    /// <see cref="RegistrationOutcome.CredentialsReplaced"/>); a verified or disabled account is left alone. Every path
    /// hashes the password once, so the outcomes cost the same time. Joins the unit of work's transaction when one is
    /// open. Invalid when the store refuses the password or the address.
    /// </summary>
    Task<Result<Registration>> RegisterAsync(NewAccount account, Owner owner, CancellationToken cancellationToken);

    Task<Account?> FindByIdAsync(UserId id, CancellationToken cancellationToken);

    Task<Account?> FindByEmailAsync(EmailAddress email, CancellationToken cancellationToken);

    /// <summary>
    /// Checks a password, counting failures towards a lockout kept in the database (so every instance sees it). An
    /// unknown e-mail is <see cref="PasswordCheckStatus.WrongCredentials"/> and costs as much time as a known one.
    /// </summary>
    Task<PasswordCheck> CheckPasswordAsync(EmailAddress email, string password, CancellationToken cancellationToken);

    Task<string> CreateEmailConfirmationTokenAsync(UserId id, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the address as verified and rotates the security stamp (so no other link mailed before works any more);
    /// false when the token is not valid for this user (forged, expired, or spent by a later registration).
    /// </summary>
    Task<bool> ConfirmEmailAsync(UserId id, string token, CancellationToken cancellationToken);

    Task<string> CreatePasswordResetTokenAsync(UserId id, CancellationToken cancellationToken);

    /// <summary>
    /// Sets a new password, changes the security stamp (so the token is spent and access tokens stop working) and lifts
    /// a lockout. Invalid (keyed <c>token</c> or <c>newPassword</c>) when the token or the password is refused.
    /// </summary>
    Task<Result> ResetPasswordAsync(UserId id, string token, string newPassword, CancellationToken cancellationToken);

    /// <summary>Puts the user in <paramref name="role"/> (no-op if already there) and returns the account as it is now.</summary>
    Task<Account> AddToRoleAsync(UserId id, string role, CancellationToken cancellationToken);
}
