using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Domain.Groups;

namespace MediaVault.Application.Groups.GetGroup;

public sealed record GetGroupQuery(Guid GroupId);

/// <summary>A member reads its group; to anyone else the group does not exist.</summary>
public sealed class GetGroupHandler(IGroupQueries queries, ICurrentUser currentUser)
{
    public async Task<Result<GroupDto>> HandleAsync(GetGroupQuery query, CancellationToken cancellationToken)
    {
        var group = await queries.FindForMemberAsync(new GroupId(query.GroupId), currentUser.RequireId(), cancellationToken);
        return group is null ? Result<GroupDto>.NotFound() : Result.Success(group);
    }
}
