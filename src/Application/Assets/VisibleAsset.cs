using Ardalis.Specification;
using MediaVault.Application.Abstractions;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Assets;

/// <summary>An asset the caller may see, with what the caller may do to it now.</summary>
public sealed record VisibleAsset(Asset Asset, Capabilities Access)
{
    /// <summary>The active paths the access comes from, strongest first (<see cref="AccessDecision.Paths"/>).</summary>
    public IReadOnlyList<AccessPath> Paths { get; init; } = [];

    /// <summary>
    /// Until when the caller's access lasts, for downloading the original (<paramref name="download"/>) or for seeing
    /// the asset: the latest expiry among the paths that give it, <c>null</c> when one of them never expires (the owner's
    /// never does). A URL handed out never outlives it.
    /// </summary>
    public DateTimeOffset? AccessLastsUntil(bool download)
    {
        var giving = Paths.Where(p => !download || p.AllowDownload).ToList();
        return giving.Count == 0 || giving.Any(p => p.ExpiresAt is null) ? null : giving.Max(p => p.ExpiresAt);
    }
}

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
        if (asset.OwnerId != caller && asset.Status == AssetStatus.Ready)
        {
            outside = (await paths.ActivePathsAsync(caller, [asset.Id], includePersonalGrants: false, now, cancellationToken))[asset.Id];
        }

        AccessPath[] own = asset.ActiveGrantFor(caller, now) is { } grant
            ? [new AccessPath(AccessPathKind.Grant, grant.Role, grant.AllowDownload, grant.ExpiresAt, grant.Id)]
            : [];
        var decision = AccessPolicy.Decide(asset.AccessFacts, caller, own.Concat(outside));
        return decision.Capabilities.CanView ? new VisibleAsset(asset, decision.Capabilities) { Paths = decision.Paths } : null;
    }
}
