using MediaVault.Application.Identity.GetMe;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Abstractions;

/// <summary>Reads an account as its holder sees it, projected straight to the response shape.</summary>
public interface IAccountQueries
{
    /// <summary>
    /// The account with its roles and its owner row's storage figures, in one query; <c>null</c> when either the
    /// account or its owner row does not exist.
    /// </summary>
    Task<MeDto?> FindMeAsync(UserId id, CancellationToken cancellationToken);
}
