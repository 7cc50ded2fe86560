using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Collections.Specifications;
using MediaVault.Application.Common;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Common;

namespace MediaVault.Application.Collections.AddCollectionAssets;

public sealed record AddCollectionAssetsCommand(Guid CollectionId, IReadOnlyList<Guid>? AssetIds);

/// <summary>
/// The owner, a manager or an editor of a collection adds 1–100 assets to it, all or none: each asset must be one the
/// caller may share (its owner or a manager of it, by any path), and ready. What the caller may do to each asset is
/// decided by <see cref="AccessPolicy.Decide"/> from the asset and every active path the database found, as for a
/// single read; the collection then decides (<see cref="Collection.AddAssets"/>).
/// </summary>
public sealed class AddCollectionAssetsHandler(
    IRepository<Collection> collections, IReadRepository<Asset> assets, IAccessPaths accessPaths, IQueryRunner queries, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Result<AddedAssetsDto>> HandleAsync(AddCollectionAssetsCommand command, CancellationToken cancellationToken)
    {
        var caller = currentUser.RequireId();
        var now = clock.GetUtcNow();
        var ids = (command.AssetIds ?? []).Select(id => new AssetId(id)).Distinct().ToList();
        var collection = await collections.FirstOrDefaultAsync(
            new CollectionWithGrantsSpec(new CollectionId(command.CollectionId), forUpdate: true, entriesOf: ids), cancellationToken);
        if (collection is null)
        {
            return Result<AddedAssetsDto>.NotFound();
        }

        var actor = await queries.MembershipsAsync(caller, cancellationToken);
        var validation = new Validation()
            .When(command.AssetIds is null or { Count: 0 }, "assetIds", $"assetIds lists 1–{CollectionDetails.MaxAssetsPerAdd} asset ids.")
            .When(command.AssetIds is { Count: > CollectionDetails.MaxAssetsPerAdd }, "assetIds", $"assetIds lists at most {CollectionDetails.MaxAssetsPerAdd} asset ids.");
        try
        {
            // Input is judged after the collection answered who may change it: a stranger learns nothing, not even that its input was bad.
            collection.EnsureEditableBy(actor, now);
            if (!validation.IsValid)
            {
                return validation.ToResult<AddedAssetsDto>();
            }

            var toAdd = await AssetsToAddAsync(ids, caller, now, cancellationToken);
            var (added, present) = collection.AddAssets(actor, toAdd, now);
            await collections.SaveChangesAsync(cancellationToken);
            return Result.Success(new AddedAssetsDto([.. added.Select(a => a.Value)], [.. present.Select(a => a.Value)]));
        }
        catch (BusinessRuleViolationException violation)
        {
            return CollectionRuleOutcomes.ToResult<AddedAssetsDto>(violation);
        }
    }

    /// <summary>Each asset asked for with what the caller may do to it; one that does not exist is one the caller cannot see.</summary>
    private async Task<IReadOnlyList<AssetToAdd>> AssetsToAddAsync(IReadOnlyList<AssetId> ids, Domain.Users.UserId caller, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var found = (await assets.ListAsync(new AssetsWithGrantsSpec(ids), cancellationToken)).ToDictionary(a => a.Id);
        AssetId[] others = [.. found.Values.Where(a => a.OwnerId != caller && a.Status == AssetStatus.Ready).Select(a => a.Id)];
        var outside = await accessPaths.ActivePathsAsync(caller, others, includePersonalGrants: false, now, cancellationToken);
        return [.. ids.Select(id => found.TryGetValue(id, out var asset)
            ? new AssetToAdd(id, asset.CreatedAt, asset.Status, Decide(asset, outside[id], caller, now))
            : new AssetToAdd(id, default, AssetStatus.Pending, Capabilities.None))];
    }

    private static Capabilities Decide(Asset asset, IEnumerable<AccessPath> outside, Domain.Users.UserId caller, DateTimeOffset now)
    {
        AccessPath[] own = asset.ActiveGrantFor(caller, now) is { } grant
            ? [new AccessPath(AccessPathKind.Grant, grant.Role, grant.AllowDownload, grant.ExpiresAt, grant.Id)]
            : [];
        return AccessPolicy.Decide(asset.AccessFacts, caller, own.Concat(outside)).Capabilities;
    }
}
