using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Collections.Specifications;
using MediaVault.Application.Sharing;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Common;

namespace MediaVault.Application.Collections.CreateCollectionGrant;

public sealed record CreateCollectionGrantCommand(
    Guid CollectionId, string? GranteeEmail, Guid? GroupId, string? Role, DateTimeOffset? ExpiresAt, bool? AllowDownload);

/// <summary>
/// The owner or a manager gives a person (by the e-mail of a verified, enabled account) or one of the caller's groups
/// a role on the collection, and through it on every member asset that inherits access. The same bodies and answers
/// as a grant on an asset.
/// </summary>
public sealed class CreateCollectionGrantHandler(
    IRepository<Collection> collections, IQueryRunner queries, IUserDirectory users, IGroupQueries groups, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Result<CollectionGrantDto>> HandleAsync(CreateCollectionGrantCommand command, CancellationToken cancellationToken)
    {
        var caller = currentUser.RequireId();
        var now = clock.GetUtcNow();
        var collection = await collections.FirstOrDefaultAsync(new CollectionWithGrantsSpec(new CollectionId(command.CollectionId), forUpdate: true), cancellationToken);
        if (collection is null)
        {
            return Result<CollectionGrantDto>.NotFound();
        }

        var actor = await queries.MembershipsAsync(caller, cancellationToken);
        try
        {
            collection.EnsureShareableBy(actor, now);
            var (named, role, validation) = await GrantRequest.ResolveAsync(
                command.GranteeEmail, command.GroupId, command.Role, command.ExpiresAt, caller, collection.OwnerId, users, groups, now, cancellationToken);
            if (named is not { } grantee)
            {
                return validation.ToResult<CollectionGrantDto>();
            }

            var grant = collection.ShareWith(actor, grantee, role, command.AllowDownload ?? true, command.ExpiresAt, now);
            await collections.SaveChangesAsync(cancellationToken);
            return Result.Success((await CollectionGrantDto.DescribeAsync([grant], users, groups, now, cancellationToken))[0]);
        }
        catch (BusinessRuleViolationException violation)
        {
            return CollectionRuleOutcomes.ToResult<CollectionGrantDto>(violation);
        }
    }
}
