using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets;
using MediaVault.Application.Common;
using MediaVault.Application.Sharing.Specifications;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Sharing.CreateGrant;

public sealed record CreateGrantCommand(Guid AssetId, string? GranteeEmail, string? Role, DateTimeOffset? ExpiresAt, Guid? GroupId = null, bool? AllowDownload = null);

/// <summary>
/// The owner or a manager gives a person, named by e-mail, a role on an asset. Only verified, enabled accounts can be
/// granted; an unknown address gets the same answer as an unverified or disabled one.
/// </summary>
public sealed class CreateGrantHandler(IAccessPaths accessPaths, IRepository<Asset> assets, IUserDirectory users, IGroupQueries groups, ICurrentUser currentUser, TimeProvider clock)
{
    public const string NotGrantable =
        "This address cannot be given access: it is not the address of a verified, enabled account, or it is the owner's own.";

    public const string NotGrantableGroup = "This group cannot be given access: there is no such group among the caller's groups.";

    public async Task<Result<GrantDto>> HandleAsync(CreateGrantCommand command, CancellationToken cancellationToken)
    {
        var caller = currentUser.RequireId();
        var now = clock.GetUtcNow();
        if (await assets.FindVisibleAsync(new AssetWithGrantsSpec(new AssetId(command.AssetId), forUpdate: true), accessPaths, caller, now, cancellationToken) is not (var asset, var access))
        {
            return Result<GrantDto>.NotFound();
        }

        if (!access.CanShare)
        {
            return Result<GrantDto>.Forbidden("Only the owner or a manager shares this asset.");
        }

        var validation = new Validation();
        EmailAddress? email = null;
        validation.When(command.GranteeEmail is null == command.GroupId is null, "granteeEmail", "Give exactly one of granteeEmail or groupId.");
        validation.When(command.GranteeEmail is not null && !EmailAddress.TryCreate(command.GranteeEmail, out email), "granteeEmail", "granteeEmail must be an e-mail address.");
        validation.When(!GrantRoles.TryParse(command.Role, out var role), "role", $"role must be one of {GrantRoles.Allowed}.");
        validation.When(command.ExpiresAt is { } expiry && expiry <= now, "expiresAt", "expiresAt must lie in the future.");
        if (!validation.IsValid)
        {
            return validation.ToResult<GrantDto>();
        }

        Grantee grantee;
        if (command.GroupId is { } groupValue)
        {
            // A group the caller is not in gets the same answer as one that does not exist.
            var groupId = new GroupId(groupValue);
            if (await groups.NameIfMemberAsync(groupId, caller, cancellationToken) is null)
            {
                return new Validation().Add("groupId", NotGrantableGroup).ToResult<GrantDto>();
            }

            grantee = Grantee.OfGroup(groupId);
        }
        else
        {
            // One answer for every address that cannot be granted (unknown, unverified, disabled, the owner's own): the
            // reply tells a manager nothing about accounts beyond "not grantable".
            var person = await users.FindGrantableByEmailAsync(email!, cancellationToken);
            if (person is null || person.Id == asset.OwnerId)
            {
                return new Validation().Add("granteeEmail", NotGrantable).ToResult<GrantDto>();
            }

            grantee = Grantee.OfPerson(person.Id);
        }

        if (asset.HasLiveGrant(grantee, now))
        {
            return Result<GrantDto>.Conflict("This person or group already holds a grant on this asset; change that grant instead.");
        }

        var grant = asset.ShareWith(caller, access, grantee, role, command.AllowDownload ?? true, command.ExpiresAt, now);
        await assets.SaveChangesAsync(cancellationToken);
        return Result.Success((await GrantDto.DescribeAsync([grant], users, groups, now, cancellationToken))[0]);
    }
}
