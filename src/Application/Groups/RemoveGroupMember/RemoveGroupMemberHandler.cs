using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Groups.Specifications;
using MediaVault.Domain.Common;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Groups.RemoveGroupMember;

public sealed record RemoveGroupMemberCommand(Guid GroupId, Guid UserId);

/// <summary>The owner or an admin removes a member; any member leaves by removing itself. The owner is never removed.</summary>
public sealed class RemoveGroupMemberHandler(IRepository<Group> groups, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Result> HandleAsync(RemoveGroupMemberCommand command, CancellationToken cancellationToken)
    {
        var group = await groups.FirstOrDefaultAsync(new GroupWithMembersSpec(new GroupId(command.GroupId)), cancellationToken);
        if (group is null)
        {
            return Result.NotFound();
        }

        try
        {
            group.RemoveMember(currentUser.RequireId(), new UserId(command.UserId), clock.GetUtcNow());
        }
        catch (BusinessRuleViolationException violation)
        {
            return GroupRuleOutcomes.ToResult(violation);
        }

        await groups.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
