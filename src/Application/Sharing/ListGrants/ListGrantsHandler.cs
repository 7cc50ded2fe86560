using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets;
using MediaVault.Application.Sharing.Specifications;
using MediaVault.Domain.Assets;

namespace MediaVault.Application.Sharing.ListGrants;

public sealed record ListGrantsQuery(Guid AssetId);

/// <summary>
/// The grants on an asset that have not been revoked, newest first, for the owner and managers. Expired grants are
/// listed too (with <c>active: false</c>) so that they can be renewed or removed; they give nothing.
/// </summary>
public sealed class ListGrantsHandler(IAccessPaths accessPaths, IReadRepository<Asset> assets, IUserDirectory users, IGroupQueries groups, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<GrantDto>>> HandleAsync(ListGrantsQuery query, CancellationToken cancellationToken)
    {
        var caller = currentUser.RequireId();
        var now = clock.GetUtcNow();
        if (await assets.FindVisibleAsync(new AssetWithGrantsSpec(new AssetId(query.AssetId), forUpdate: false), accessPaths, caller, now, cancellationToken) is not (var asset, var access))
        {
            return Result<IReadOnlyList<GrantDto>>.NotFound();
        }

        if (!access.CanShare)
        {
            return Result<IReadOnlyList<GrantDto>>.Forbidden("Only the owner or a manager sees who else has access.");
        }

        var grants = asset.Grants.OrderByDescending(g => g.CreatedAt).ThenByDescending(g => g.Id.Value).ToList();
        return Result.Success(await GrantDto.DescribeAsync(grants, users, groups, now, cancellationToken));
    }
}
