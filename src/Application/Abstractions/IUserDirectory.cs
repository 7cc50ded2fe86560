using MediaVault.Domain.Users;

namespace MediaVault.Application.Abstractions;

/// <summary>A person as the account directory knows them: what a grant shows about its grantee.</summary>
public sealed record DirectoryUser(UserId Id, string Email, string DisplayName);

/// <summary>Finds people by e-mail address or id among the accounts (the Identity user table).</summary>
public interface IUserDirectory
{
    /// <summary>
    /// The account that may be given a grant under <paramref name="email"/>: one whose address is verified and which
    /// is not disabled. <c>null</c> otherwise: an unknown, unverified or disabled account all look the same.
    /// </summary>
    Task<DirectoryUser?> FindGrantableByEmailAsync(EmailAddress email, CancellationToken cancellationToken);

    /// <summary>The accounts among <paramref name="ids"/> that exist, by id.</summary>
    Task<IReadOnlyDictionary<UserId, DirectoryUser>> GetByIdsAsync(IReadOnlyCollection<UserId> ids, CancellationToken cancellationToken);
}
