using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets;
using MediaVault.Application.Common;
using MediaVault.Application.Sharing.Specifications;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Sharing.CreateGrant;

public sealed record CreateGrantCommand(Guid AssetId, string? GranteeEmail, string? Role, DateTimeOffset? ExpiresAt);

/// <summary>
/// The owner or a manager gives a person, named by e-mail, a role on an asset. Only verified, enabled accounts can be
/// granted; an unknown address gets the same answer as an unverified or disabled one.
/// </summary>
public sealed class CreateGrantHandler(IRepository<Asset> assets, IUserDirectory users, ICurrentUser currentUser, TimeProvider clock)
{
    public const string NotGrantable =
        "This address cannot be given access: it is not the address of a verified, enabled account, or it is the owner's own.";

    public async Task<Result<GrantDto>> HandleAsync(CreateGrantCommand command, CancellationToken cancellationToken)
    {
        var caller = currentUser.RequireId();
        var now = clock.GetUtcNow();
        if (await assets.FindVisibleAsync(new AssetWithGrantsSpec(new AssetId(command.AssetId), forUpdate: true), caller, now, cancellationToken) is not (var asset, var access))
        {
            return Result<GrantDto>.NotFound();
        }

        if (!access.CanShare)
        {
            return Result<GrantDto>.Forbidden("Only the owner or a manager shares this asset.");
        }

        var validation = new Validation();
        EmailAddress? email = null;
        validation.When(!EmailAddress.TryCreate(command.GranteeEmail, out email), "granteeEmail", "granteeEmail must be an e-mail address.");
        validation.When(!GrantRoles.TryParse(command.Role, out var role), "role", $"role must be one of {GrantRoles.Allowed}.");
        validation.When(command.ExpiresAt is { } expiry && expiry <= now, "expiresAt", "expiresAt must lie in the future.");
        if (!validation.IsValid)
        {
            return validation.ToResult<GrantDto>();
        }

        // One answer for every address that cannot be granted (unknown, unverified, disabled, the owner's own): the reply
        // tells a manager nothing about accounts beyond "not grantable".
        var grantee = await users.FindGrantableByEmailAsync(email!, cancellationToken);
        if (grantee is null || grantee.Id == asset.OwnerId)
        {
            return new Validation().Add("granteeEmail", NotGrantable).ToResult<GrantDto>();
        }

        if (asset.HasLiveGrant(grantee.Id, now))
        {
            return Result<GrantDto>.Conflict("This person already holds a grant on this asset; change that grant instead.");
        }

        var grant = asset.ShareWith(caller, access, grantee.Id, role, command.ExpiresAt, now);
        await assets.SaveChangesAsync(cancellationToken);
        return Result.Success(GrantDto.From(grant, grantee, now));
    }
}
