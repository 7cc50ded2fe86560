using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Collections.Specifications;
using MediaVault.Application.Common;
using MediaVault.Application.Groups;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Common;

namespace MediaVault.Application.Collections.UpdateCollection;

public sealed record UpdateCollectionCommand(Guid CollectionId, string? Name, string? Description);

/// <summary>The owner, a manager or an editor renames or describes the collection.</summary>
public sealed class UpdateCollectionHandler(IRepository<Collection> collections, IQueryRunner queries, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Result<CollectionDto>> HandleAsync(UpdateCollectionCommand command, CancellationToken cancellationToken)
    {
        var caller = currentUser.RequireId();
        var now = clock.GetUtcNow();
        var collection = await collections.FirstOrDefaultAsync(new CollectionWithGrantsSpec(new CollectionId(command.CollectionId), forUpdate: true), cancellationToken);
        if (collection is null)
        {
            return Result<CollectionDto>.NotFound();
        }

        var actor = await queries.MembershipsAsync(caller, cancellationToken);
        var validation = new Validation().Name(command.Name, required: false).Description(command.Description);
        CollectionAccess access;
        try
        {
            // Input is judged after the collection answered who may change it: a stranger learns nothing, not even that its input was bad.
            access = collection.EnsureEditableBy(actor, now);
            if (!validation.IsValid)
            {
                return validation.ToResult<CollectionDto>();
            }

            collection.Describe(actor, command.Name, command.Description, now);
        }
        catch (BusinessRuleViolationException violation)
        {
            return CollectionRuleOutcomes.ToResult<CollectionDto>(violation);
        }

        await collections.SaveChangesAsync(cancellationToken);
        var counts = await queries.VisibleAssetCountsAsync([collection.Id], caller, now, cancellationToken);
        return Result.Success(CollectionDto.From(collection, access, counts.GetValueOrDefault(collection.Id)));
    }
}
