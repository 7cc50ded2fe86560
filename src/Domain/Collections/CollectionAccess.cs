using MediaVault.Domain.Access;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Users;

namespace MediaVault.Domain.Collections;

/// <summary>
/// What one person may do to one collection: view it and its contents (viewer), also rename it and add or remove
/// assets (editor), also grant access to it and manage its links (manager), also delete it (owner). Built only by
/// <see cref="Collection.AccessOf"/>.
/// </summary>
public sealed record CollectionAccess
{
    public static readonly CollectionAccess None = new((AccessRole?)null);

    private CollectionAccess(AccessRole? role) => Role = role;

    public AccessRole? Role { get; }

    public bool CanView => Role is not null;

    public bool CanEdit => Role >= AccessRole.Editor;

    public bool CanShare => Role >= AccessRole.Manager;

    public bool CanDelete => Role == AccessRole.Owner;

    internal static CollectionAccess For(AccessRole? role) => role is null ? None : new(role);
}

/// <summary>The groups a person belongs to, as read for one decision (membership is the groups' business).</summary>
public sealed record Memberships(UserId Person, IReadOnlySet<GroupId> Groups)
{
    public bool Covers(Grant grant) => grant.GranteeId == Person || (grant.GroupId is { } g && Groups.Contains(g));
}
