using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Common;
using MediaVault.Application.Groups.Specifications;
using MediaVault.Domain.Common;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Groups.ChangeGroupMemberRole;

public sealed record ChangeGroupMemberRoleCommand(Guid GroupId, Guid UserId, string? Role);

/// <summary>The owner or an admin makes a member an admin, or an admin a plain member; the owner's membership never changes.</summary>
public sealed class ChangeGroupMemberRoleHandler(IRepository<Group> groups, IUserDirectory users, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Result<GroupMemberDto>> HandleAsync(ChangeGroupMemberRoleCommand command, CancellationToken cancellationToken)
    {
        var caller = currentUser.RequireId();
        var group = await groups.FirstOrDefaultAsync(new GroupWithMembersSpec(new GroupId(command.GroupId)), cancellationToken);
        if (group is null)
        {
            return Result<GroupMemberDto>.NotFound();
        }

        var validation = new Validation();
        validation.When(!GroupRoles.TryParse(command.Role, out var role), "role", $"role must be one of {GroupRoles.Allowed}.");
        GroupMember member;
        try
        {
            if (!validation.IsValid)
            {
                group.EnsureManageableBy(caller);
                return validation.ToResult<GroupMemberDto>();
            }

            member = group.ChangeMemberRole(caller, new UserId(command.UserId), role, clock.GetUtcNow());
        }
        catch (BusinessRuleViolationException violation)
        {
            return GroupRuleOutcomes.ToResult<GroupMemberDto>(violation);
        }

        await groups.SaveChangesAsync(cancellationToken);
        var people = await users.GetByIdsAsync([member.UserId], cancellationToken);
        return Result.Success(GroupMemberDto.From(member, people.GetValueOrDefault(member.UserId)));
    }
}
