using Ardalis.Specification;
using MediaVault.Domain.Groups;

namespace MediaVault.Application.Groups.Specifications;

/// <summary>One group, whole: with every member (a command always works on the whole aggregate).</summary>
public sealed class GroupWithMembersSpec : SingleResultSpecification<Group>
{
    public GroupWithMembersSpec(GroupId id)
    {
        Query.Where(g => g.Id == id).Include(g => g.Members);
    }
}
