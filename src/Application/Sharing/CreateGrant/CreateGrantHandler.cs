using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets;
using MediaVault.Application.Sharing.Specifications;
using MediaVault.Domain.Assets;

namespace MediaVault.Application.Sharing.CreateGrant;

public sealed record CreateGrantCommand(Guid AssetId, string? GranteeEmail, string? Role, DateTimeOffset? ExpiresAt, Guid? GroupId = null, bool? AllowDownload = null);

/// <summary>
/// The owner or a manager gives a person, named by e-mail, a role on an asset. Only verified, enabled accounts can be
/// granted; an unknown address gets the same answer as an unverified or disabled one.
/// </summary>
public sealed class CreateGrantHandler(IAccessPaths accessPaths, IRepository<Asset> assets, IUserDirectory users, IGroupQueries groups, ICurrentUser currentUser, TimeProvider clock)
{
    public const string NotGrantable = GrantRequest.NotGrantable;

    public const string NotGrantableGroup = GrantRequest.NotGrantableGroup;

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

        var (named, role, validation) = await GrantRequest.ResolveAsync(
            command.GranteeEmail, command.GroupId, command.Role, command.ExpiresAt, caller, asset.OwnerId, users, groups, now, cancellationToken);
        if (named is not { } grantee)
        {
            return validation.ToResult<GrantDto>();
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
