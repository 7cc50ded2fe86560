using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Common;
using MediaVault.Application.Groups.Specifications;
using MediaVault.Domain.Common;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Groups.AddGroupMember;

public sealed record AddGroupMemberCommand(Guid GroupId, string? Email, string? Role);

/// <summary>
/// The owner or an admin adds a person, named by e-mail, as member (the default) or admin. Only verified, enabled
/// accounts can be added; an unknown address gets the same answer as an unverified or disabled one.
/// </summary>
public sealed class AddGroupMemberHandler(IRepository<Group> groups, IUserDirectory users, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Result<GroupMemberDto>> HandleAsync(AddGroupMemberCommand command, CancellationToken cancellationToken)
    {
        var caller = currentUser.RequireId();
        var group = await groups.FirstOrDefaultAsync(new GroupWithMembersSpec(new GroupId(command.GroupId)), cancellationToken);
        if (group is null)
        {
            return Result<GroupMemberDto>.NotFound();
        }

        var validation = new Validation();
        EmailAddress? email = null;
        validation.When(!EmailAddress.TryCreate(command.Email, out email), "email", "email must be an e-mail address.");
        var role = GroupRole.Member;
        validation.When(command.Role is not null && !GroupRoles.TryParse(command.Role, out role), "role", $"role must be one of {GroupRoles.Allowed}.");

        // The directory is asked only for well-formed input, and the group answers who may add before input is judged.
        var person = validation.IsValid ? await users.FindGrantableByEmailAsync(email!, cancellationToken) : null;
        GroupMember member;
        try
        {
            if (!validation.IsValid)
            {
                group.EnsureManageableBy(caller);
                return validation.ToResult<GroupMemberDto>();
            }

            member = group.AddMember(caller, person?.Id, role, clock.GetUtcNow());
        }
        catch (BusinessRuleViolationException violation)
        {
            return GroupRuleOutcomes.ToResult<GroupMemberDto>(violation);
        }

        await groups.SaveChangesAsync(cancellationToken);
        return Result.Success(GroupMemberDto.From(member, person));
    }
}
