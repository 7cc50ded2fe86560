using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Groups.Specifications;
using MediaVault.Domain.Common;
using MediaVault.Domain.Groups;

namespace MediaVault.Application.Groups.DeleteGroup;

public sealed record DeleteGroupCommand(Guid GroupId);

/// <summary>The owner deletes the group with its memberships.</summary>
public sealed class DeleteGroupHandler(IRepository<Group> groups, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Result> HandleAsync(DeleteGroupCommand command, CancellationToken cancellationToken)
    {
        var group = await groups.FirstOrDefaultAsync(new GroupWithMembersSpec(new GroupId(command.GroupId)), cancellationToken);
        if (group is null)
        {
            return Result.NotFound();
        }

        try
        {
            group.Delete(currentUser.RequireId(), clock.GetUtcNow());
        }
        catch (BusinessRuleViolationException violation)
        {
            return GroupRuleOutcomes.ToResult(violation);
        }

        await groups.DeleteAsync(group, cancellationToken);
        return Result.Success();
    }
}
