using Ardalis.Specification;
using MediaVault.Application.Abstractions;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Assets;

/// <summary>An asset the caller may see, with what the caller may do to it now.</summary>
public sealed record VisibleAsset(Asset Asset, Capabilities Access);

public static class VisibleAssets
{
    /// <summary>
    /// The one way a use case finds an asset for a caller: the asset the specification loads, if
    /// <see cref="AccessPolicy"/> lets the caller see it; otherwise <c>null</c>, exactly as if it did not exist. The
    /// caller's own grant comes with the asset; its group and collection paths are read through
    /// <paramref name="paths"/> (not for the owner, who needs none).
    /// </summary>
    public static async Task<VisibleAsset?> FindVisibleAsync(
        this IReadRepositoryBase<Asset> assets, ISpecification<Asset> specification, IAccessPaths paths, UserId caller, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assets);
        ArgumentNullException.ThrowIfNull(paths);
        var asset = await assets.FirstOrDefaultAsync(specification, cancellationToken);
        if (asset is null)
        {
            return null;
        }

        IEnumerable<AccessPath> outside = [];
        if (asset.OwnerId != caller && AccessPolicy.IsShareable(asset.AccessFacts))
        {
            outside = (await paths.ActivePathsAsync(caller, [asset.Id], includePersonalGrants: false, now, cancellationToken))[asset.Id];
        }

        AccessPath[] own = asset.ActiveGrantFor(caller, now) is { } grant
            ? [new AccessPath(AccessPathKind.Grant, grant.Role, grant.AllowDownload, grant.ExpiresAt, grant.Id)]
            : [];
        var access = AccessPolicy.Decide(asset.AccessFacts, caller, own.Concat(outside)).Capabilities;
        return access.CanView ? new VisibleAsset(asset, access) : null;
    }
}
