using MediaVault.Application.Abstractions;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Media;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Access;

/// <summary>What the access rule needs to know of one stored asset, read without loading the aggregate.</summary>
public sealed record AssetFactsRow(AssetId Id, UserId OwnerId, AssetStatus Status, AssetIntegrity Integrity, bool InheritsAccess)
{
    public AssetAccessFacts ToFacts() => new(OwnerId, Status, Integrity, InheritsAccess);
}

/// <summary>
/// The decisions of <see cref="AccessPolicy.Decide"/> for one person and many assets, in a fixed number of statements
/// whatever the number of assets: the assets' facts in one, then every active path from the person to them
/// (<see cref="IAccessPaths"/>, personal grants included). An asset that does not exist has no decision.
/// </summary>
public sealed class AccessDecisions(IQueryRunner queries, IAccessPaths paths)
{
    public async Task<IReadOnlyDictionary<AssetId, AccessDecision>> DecideAsync(
        UserId person, IReadOnlyCollection<AssetId> assets, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assets);
        var ids = assets.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<AssetId, AccessDecision>();
        }

        var facts = await queries.ListAsync(
            queries.Source<Asset>()
                .Where(a => ids.Contains(a.Id))
                .Select(a => new AssetFactsRow(a.Id, a.OwnerId, a.Status, a.Integrity, a.InheritsAccess)),
            cancellationToken);
        var active = await paths.ActivePathsAsync(person, [.. facts.Select(f => f.Id)], includePersonalGrants: true, now, cancellationToken);
        return facts.ToDictionary(f => f.Id, f => AccessPolicy.Decide(f.ToFacts(), person, active[f.Id]));
    }

    /// <summary>The decision for one asset; nothing (no role, no path) when it does not exist.</summary>
    public async Task<AccessDecision> DecideAsync(UserId person, AssetId asset, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await DecideAsync(person, [asset], now, cancellationToken)).GetValueOrDefault(asset) ?? new AccessDecision(Capabilities.None, []);
}
