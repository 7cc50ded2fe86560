using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Collections.Specifications;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Common;

namespace MediaVault.Application.Collections.RemoveCollectionAsset;

public sealed record RemoveCollectionAssetCommand(Guid CollectionId, Guid AssetId);

/// <summary>The owner, a manager or an editor takes an asset out of the collection; the asset itself stays.</summary>
public sealed class RemoveCollectionAssetHandler(IRepository<Collection> collections, IQueryRunner queries, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Result> HandleAsync(RemoveCollectionAssetCommand command, CancellationToken cancellationToken)
    {
        var assetId = new AssetId(command.AssetId);
        var collection = await collections.FirstOrDefaultAsync(
            new CollectionWithGrantsSpec(new CollectionId(command.CollectionId), forUpdate: true, entriesOf: [assetId]), cancellationToken);
        if (collection is null)
        {
            return Result.NotFound();
        }

        try
        {
            collection.RemoveAsset(await queries.MembershipsAsync(currentUser.RequireId(), cancellationToken), assetId, clock.GetUtcNow());
        }
        catch (BusinessRuleViolationException violation)
        {
            return CollectionRuleOutcomes.ToResult(violation);
        }

        await collections.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
