using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Domain.Owners;

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

/// <summary>Shows the caller its own account and storage use.</summary>
public sealed class GetMeHandler(IIdentityService identity, IReadRepository<Owner> owners, ICurrentUser currentUser)
{
    public async Task<Result<MeDto>> HandleAsync(CancellationToken cancellationToken)
    {
        var id = currentUser.RequireId();
        var account = await identity.FindByIdAsync(id, cancellationToken);
        var owner = await owners.GetByIdAsync(id, cancellationToken);
        if (account is null || owner is null)
        {
            return Result<MeDto>.NotFound();
        }

        return Result.Success(new MeDto(
            account.Id.Value,
            account.Email,
            account.DisplayName,
            account.EmailVerified,
            account.Roles,
            owner.StorageUsedBytes,
            owner.StorageReservedBytes,
            owner.StorageQuotaBytes,
            account.CreatedAt));
    }
}
