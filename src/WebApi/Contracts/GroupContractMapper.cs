using MediaVault.Application.Common;
using MediaVault.Application.Groups;

namespace MediaVault.WebApi.Contracts;

/// <summary>Groups and their members as the HTTP contract shows them.</summary>
public static class GroupContractMapper
{
    public static GroupResponse ToResponse(this GroupDto group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return new GroupResponse(
            group.Id, group.Name, group.Description, group.OwnerId, group.MemberCount, ToContract(group.MyRole), group.CreatedAt, group.UpdatedAt);
    }

    public static GroupMemberResponse ToResponse(this GroupMemberDto member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new GroupMemberResponse(member.UserId, member.Email, member.DisplayName, ToContract(member.Role), member.AddedAt);
    }

    public static PageResponse<GroupResponse> ToResponse(this Page<GroupDto> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new PageResponse<GroupResponse>([.. page.Items.Select(ToResponse)], page.NextCursor);
    }

    public static PageResponse<GroupMemberResponse> ToResponse(this Page<GroupMemberDto> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new PageResponse<GroupMemberResponse>([.. page.Items.Select(ToResponse)], page.NextCursor);
    }

    private static GroupRole ToContract(Domain.Groups.GroupRole role) => role switch
    {
        Domain.Groups.GroupRole.Owner => GroupRole.Owner,
        Domain.Groups.GroupRole.Admin => GroupRole.Admin,
        _ => GroupRole.Member,
    };
}
