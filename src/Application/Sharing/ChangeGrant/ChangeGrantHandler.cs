using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets;
using MediaVault.Application.Common;
using MediaVault.Application.Sharing.Specifications;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Sharing;

namespace MediaVault.Application.Sharing.ChangeGrant;

/// <summary>
/// <c>Role</c> <c>null</c> keeps the role. <c>ExpiresAtGiven</c> says whether the request named <c>expiresAt</c> at all:
/// named as <c>null</c> it removes the expiry (the grant never expires), not named it keeps it.
/// </summary>
public sealed record ChangeGrantCommand(Guid AssetId, Guid GrantId, string? Role, DateTimeOffset? ExpiresAt, bool ExpiresAtGiven, bool? AllowDownload = null);

/// <summary>The owner or a manager changes the role or expiry of someone else's grant on the asset.</summary>
public sealed class ChangeGrantHandler(IAccessPaths accessPaths, IRepository<Asset> assets, IUserDirectory users, IGroupQueries groups, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Result<GrantDto>> HandleAsync(ChangeGrantCommand command, CancellationToken cancellationToken)
    {
        var caller = currentUser.RequireId();
        var now = clock.GetUtcNow();
        if (await assets.FindVisibleAsync(new AssetWithGrantsSpec(new AssetId(command.AssetId), forUpdate: true), accessPaths, caller, now, cancellationToken) is not (var asset, var access))
        {
            return Result<GrantDto>.NotFound();
        }

        if (!access.CanShare)
        {
            return Result<GrantDto>.Forbidden("Only the owner or a manager changes grants.");
        }

        var grant = asset.Grants.FirstOrDefault(g => g.Id == new GrantId(command.GrantId));
        if (grant is null)
        {
            return Result<GrantDto>.NotFound();
        }

        // A grant to one of the caller's groups is the caller's own too.
        var actor = new Memberships(caller, await groups.GroupsOfAsync(caller, cancellationToken));
        if (actor.Covers(grant))
        {
            return Result<GrantDto>.Forbidden("Nobody changes a grant it holds, personally or through a group; the owner or another manager does.");
        }

        var validation = new Validation();
        AccessRole? role = null;
        if (command.Role is not null)
        {
            validation.When(!GrantRoles.TryParse(command.Role, out var parsed), "role", $"role must be one of {GrantRoles.Allowed}.");
            role = parsed;
        }

        validation.When(command.ExpiresAt is { } expiry && expiry <= now, "expiresAt", "expiresAt must lie in the future (or be null for no expiry).");
        if (!validation.IsValid)
        {
            return validation.ToResult<GrantDto>();
        }

        var clearExpiry = command.ExpiresAtGiven && command.ExpiresAt is null;
        asset.ChangeGrant(actor, access, grant.Id, role, command.AllowDownload, command.ExpiresAt, clearExpiry, now);
        await assets.SaveChangesAsync(cancellationToken);
        return Result.Success((await GrantDto.DescribeAsync([grant], users, groups, now, cancellationToken))[0]);
    }
}
