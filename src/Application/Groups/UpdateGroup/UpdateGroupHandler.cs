using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Common;
using MediaVault.Application.Groups.Specifications;
using MediaVault.Domain.Common;
using MediaVault.Domain.Groups;

namespace MediaVault.Application.Groups.UpdateGroup;

public sealed record UpdateGroupCommand(Guid GroupId, string? Name, string? Description);

/// <summary>The owner or an admin renames or describes the group.</summary>
public sealed class UpdateGroupHandler(IRepository<Group> groups, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Result<GroupDto>> HandleAsync(UpdateGroupCommand command, CancellationToken cancellationToken)
    {
        var caller = currentUser.RequireId();
        var group = await groups.FirstOrDefaultAsync(new GroupWithMembersSpec(new GroupId(command.GroupId)), cancellationToken);
        if (group is null)
        {
            return Result<GroupDto>.NotFound();
        }

        var validation = new Validation().Name(command.Name, required: false).Description(command.Description);
        try
        {
            // Input is judged after the group answered who may change it: a stranger learns nothing, not even that its input was bad.
            if (!validation.IsValid)
            {
                group.EnsureManageableBy(caller);
                return validation.ToResult<GroupDto>();
            }

            group.Describe(caller, command.Name, command.Description, clock.GetUtcNow());
        }
        catch (BusinessRuleViolationException violation)
        {
            return GroupRuleOutcomes.ToResult<GroupDto>(violation);
        }

        await groups.SaveChangesAsync(cancellationToken);
        return Result.Success(GroupDto.From(group, caller));
    }
}
