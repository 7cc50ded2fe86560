using Ardalis.Specification;
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
    /// <see cref="AccessPolicy"/> lets the caller see it; otherwise <c>null</c>, exactly as if it did not exist.
    /// </summary>
    public static async Task<VisibleAsset?> FindVisibleAsync(
        this IReadRepositoryBase<Asset> assets, ISpecification<Asset> specification, UserId caller, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assets);
        var asset = await assets.FirstOrDefaultAsync(specification, cancellationToken);
        if (asset is null)
        {
            return null;
        }

        var access = AccessPolicy.Evaluate(asset, caller, now);
        return access.CanView ? new VisibleAsset(asset, access) : null;
    }
}
