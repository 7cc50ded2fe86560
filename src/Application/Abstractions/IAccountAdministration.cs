using MediaVault.Application.Common;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Abstractions;

/// <summary>A page request over the accounts: newest first (createdAt desc, id desc), after the cursor, at most <c>Limit</c>.</summary>
public sealed record AccountQuery(string? Text, KeysetCursor? After, int Limit);

/// <summary>One account as an administrator sees it; never anything about its assets beyond their number and size.</summary>
public sealed record AccountSummary(
    Guid Id,
    string Email,
    string DisplayName,
    bool EmailVerified,
    bool Disabled,
    IReadOnlyList<string> Roles,
    long StorageUsedBytes,
    int AssetCount,
    DateTimeOffset CreatedAt);

/// <summary>What administrators do to accounts. Administrators manage accounts, never content.</summary>
public interface IAccountAdministration
{
    /// <summary>
    /// One page of accounts in one query; reads one row more than <see cref="AccountQuery.Limit"/> so the caller can
    /// tell whether another page follows. <see cref="AccountQuery.Text"/> matches e-mail and display name, case-insensitively.
    /// </summary>
    Task<IReadOnlyList<AccountSummary>> ListAsync(AccountQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Disables or enables the account. Disabling also changes its security stamp and revokes its refresh tokens, so
    /// that nothing issued before keeps working. <c>false</c> when there is no such account.
    /// </summary>
    Task<bool> SetDisabledAsync(UserId id, bool disabled, CancellationToken cancellationToken);
}
