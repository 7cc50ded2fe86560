using MediaVault.Domain.Common;
using MediaVault.Domain.Users;

namespace MediaVault.Domain.Groups.Events;

/// <summary>An event in the life of one group.</summary>
public interface IGroupEvent : IDomainEvent
{
    GroupId GroupId { get; }

    UserId ActorId { get; }
}

public sealed record GroupCreated(GroupId GroupId, UserId ActorId, string Name, DateTimeOffset OccurredAt) : IGroupEvent;

public sealed record GroupUpdated(GroupId GroupId, UserId ActorId, IReadOnlyList<string> ChangedFields, DateTimeOffset OccurredAt) : IGroupEvent;

public sealed record GroupDeleted(GroupId GroupId, UserId ActorId, DateTimeOffset OccurredAt) : IGroupEvent;

public sealed record GroupMemberAdded(GroupId GroupId, UserId ActorId, UserId MemberId, GroupRole Role, DateTimeOffset OccurredAt) : IGroupEvent;

public sealed record GroupMemberRoleChanged(GroupId GroupId, UserId ActorId, UserId MemberId, GroupRole Role, DateTimeOffset OccurredAt) : IGroupEvent;

/// <summary>A member was removed, or left (<see cref="ActorId"/> is then the member itself).</summary>
public sealed record GroupMemberRemoved(GroupId GroupId, UserId ActorId, UserId MemberId, DateTimeOffset OccurredAt) : IGroupEvent;
