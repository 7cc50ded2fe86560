using Ardalis.Result;
using MediaVault.Application.Abstractions;

namespace MediaVault.Application.Identity.GetMe;

/// <summary>The signed-in person: account and storage.</summary>
public sealed record MeDto(
    Guid Id,
    string Email,
    string DisplayName,
    bool EmailVerified,
    IReadOnlyList<string> Roles,
    long StorageUsedBytes,
    long StorageReservedBytes,
    long StorageQuotaBytes,
    DateTimeOffset CreatedAt);

/// <summary>Shows the caller its own account and storage use (one read: account, roles and owner row together).</summary>
public sealed class GetMeHandler(IAccountQueries accounts, ICurrentUser currentUser)
{
    public async Task<Result<MeDto>> HandleAsync(CancellationToken cancellationToken)
    {
        var me = await accounts.FindMeAsync(currentUser.RequireId(), cancellationToken);
        return me is null ? Result<MeDto>.NotFound() : Result.Success(me);
    }
}
