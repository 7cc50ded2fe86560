using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Common;
using MediaVault.Application.Groups;
using MediaVault.Domain.Collections;

namespace MediaVault.Application.Collections.CreateCollection;

public sealed record CreateCollectionCommand(string? Name, string? Description);

/// <summary>Any signed-in (hence verified) person creates a collection; it is its owner. A new collection is empty.</summary>
public sealed class CreateCollectionHandler(IRepository<Collection> collections, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Result<CollectionDto>> HandleAsync(CreateCollectionCommand command, CancellationToken cancellationToken)
    {
        var caller = currentUser.RequireId();
        // A collection's name and description follow the same rules as a group's (CollectionDetails).
        var validation = new Validation().Name(command.Name, required: true).Description(command.Description);
        if (!validation.IsValid)
        {
            return validation.ToResult<CollectionDto>();
        }

        var now = clock.GetUtcNow();
        var collection = Collection.Create(command.Name!, command.Description, caller, now);
        await collections.AddAsync(collection, cancellationToken);
        var access = collection.AccessOf(new Memberships(caller, new HashSet<Domain.Groups.GroupId>()), now);
        return Result.Success(CollectionDto.From(collection, access, assetCount: 0));
    }
}
