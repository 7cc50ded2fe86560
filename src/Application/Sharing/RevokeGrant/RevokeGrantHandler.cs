using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets;
using MediaVault.Application.Sharing.Specifications;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Sharing;

namespace MediaVault.Application.Sharing.RevokeGrant;

public sealed record RevokeGrantCommand(Guid AssetId, Guid GrantId);

/// <summary>
/// Ends a grant at once: the owner or a manager revokes any grant, a grantee leaves by revoking its own. A grantee who
/// may no longer see the asset (its grant expired) has nothing left to leave: the asset is not found for it.
/// </summary>
public sealed class RevokeGrantHandler(IAccessPaths accessPaths, IRepository<Asset> assets, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Result> HandleAsync(RevokeGrantCommand command, CancellationToken cancellationToken)
    {
        var caller = currentUser.RequireId();
        var now = clock.GetUtcNow();
        if (await assets.FindVisibleAsync(new AssetWithGrantsSpec(new AssetId(command.AssetId), forUpdate: true), accessPaths, caller, now, cancellationToken) is not (var asset, var access))
        {
            return Result.NotFound();
        }

        var grant = asset.Grants.FirstOrDefault(g => g.Id == new GrantId(command.GrantId));
        // Before telling whether a grant exists, make sure the caller may know: a viewer learns nothing of others' grants.
        if (!access.CanShare && grant?.GranteeId != caller)
        {
            return Result.Forbidden("Only the owner or a manager revokes someone else's grant; you may leave by revoking your own.");
        }

        if (grant is null)
        {
            return Result.NotFound();
        }

        asset.RevokeGrant(caller, access, grant.Id, now);
        await assets.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
