using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Collections.Specifications;
using MediaVault.Application.Common;
using MediaVault.Application.Sharing;
using MediaVault.Application.Sharing.CreateGrant;
using MediaVault.Domain.Access;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Common;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Users;

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
            var validation = new Validation();
            EmailAddress? email = null;
            validation.When(command.GranteeEmail is null == command.GroupId is null, "granteeEmail", "Give exactly one of granteeEmail or groupId.");
            validation.When(command.GranteeEmail is not null && !EmailAddress.TryCreate(command.GranteeEmail, out email), "granteeEmail", "granteeEmail must be an e-mail address.");
            validation.When(!GrantRoles.TryParse(command.Role, out var role), "role", $"role must be one of {GrantRoles.Allowed}.");
            validation.When(command.ExpiresAt is { } expiry && expiry <= now, "expiresAt", "expiresAt must lie in the future.");
            if (!validation.IsValid)
            {
                return validation.ToResult<CollectionGrantDto>();
            }

            Grantee grantee;
            if (command.GroupId is { } groupValue)
            {
                // A group the caller is not in gets the same answer as one that does not exist.
                var groupId = new GroupId(groupValue);
                if (await groups.NameIfMemberAsync(groupId, caller, cancellationToken) is null)
                {
                    return new Validation().Add("groupId", CreateGrantHandler.NotGrantableGroup).ToResult<CollectionGrantDto>();
                }

                grantee = Grantee.OfGroup(groupId);
            }
            else
            {
                // One answer for every address that cannot be granted (unknown, unverified, disabled, the owner's own).
                var person = await users.FindGrantableByEmailAsync(email!, cancellationToken);
                if (person is null || person.Id == collection.OwnerId)
                {
                    return new Validation().Add("granteeEmail", CreateGrantHandler.NotGrantable).ToResult<CollectionGrantDto>();
                }

                grantee = Grantee.OfPerson(person.Id);
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
