using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Common;
using MediaVault.Domain.Groups;

namespace MediaVault.Application.Groups.CreateGroup;

public sealed record CreateGroupCommand(string? Name, string? Description);

/// <summary>Any signed-in (hence verified) person founds a group; it is its owner and first member.</summary>
public sealed class CreateGroupHandler(IRepository<Group> groups, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Result<GroupDto>> HandleAsync(CreateGroupCommand command, CancellationToken cancellationToken)
    {
        var caller = currentUser.RequireId();
        var validation = new Validation().Name(command.Name, required: true).Description(command.Description);
        if (!validation.IsValid)
        {
            return validation.ToResult<GroupDto>();
        }

        var group = Group.Create(command.Name!, command.Description, caller, clock.GetUtcNow());
        await groups.AddAsync(group, cancellationToken);
        return Result.Success(GroupDto.From(group, caller));
    }
}
