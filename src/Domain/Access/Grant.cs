using System.Linq.Expressions;
using MediaVault.Domain.Common;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Sharing;
using MediaVault.Domain.Users;

namespace MediaVault.Domain.Access;

/// <summary>
/// Permission, held by one person or by one group, to act in a role on something (an asset or a collection), until it
/// expires or is revoked. <see cref="Sharing.ShareGrant"/> is a grant on an asset, <see cref="Collections.CollectionGrant"/>
/// one on a collection; both are created and changed only by the aggregate that holds them.
/// </summary>
public abstract class Grant : Entity<GrantId>
{
    /// <summary>The person the grant is to, or <c>null</c> for a grant to a group.</summary>
    public UserId? GranteeId { get; protected set; }

    /// <summary>The group the grant is to, or <c>null</c> for a grant to a person.</summary>
    public GroupId? GroupId { get; protected set; }

    public AccessRole Role { get; protected set; }

    /// <summary>Whether the grant lets its holder download the original (default); without it the holder only views.</summary>
    public bool AllowDownload { get; protected set; } = true;

    public DateTimeOffset? ExpiresAt { get; protected set; }

    public DateTimeOffset CreatedAt { get; protected set; }

    public UserId CreatedBy { get; protected set; }

    public DateTimeOffset UpdatedAt { get; protected set; }

    public DateTimeOffset? RevokedAt { get; protected set; }

    public UserId? RevokedBy { get; protected set; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>Who the grant is to: one person or one group.</summary>
    public Grantee Grantee => GroupId is { } group ? Grantee.OfGroup(group) : Grantee.OfPerson(GranteeId!.Value);

    /// <summary>A grant confers its role only while it is neither revoked nor past its expiry (see <see cref="IsActive{TGrant}"/>).</summary>
    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    /// <summary>
    /// "Active", the one predicate, as an expression the database applies: the evaluator, the list queries and the
    /// projections all use this (or <see cref="IsActiveAt"/>, its compiled twin), never a copy of it.
    /// </summary>
    public static Expression<Func<TGrant, bool>> IsActive<TGrant>(DateTimeOffset now)
        where TGrant : Grant =>
        g => g.RevokedAt == null && (g.ExpiresAt == null || g.ExpiresAt > now);

    internal void Initialise(GrantId id, Grantee grantee, AccessRole role, bool allowDownload, DateTimeOffset? expiresAt, UserId createdBy, DateTimeOffset now)
    {
        Id = id;
        GranteeId = grantee.PersonId;
        GroupId = grantee.GroupId;
        Role = role;
        AllowDownload = allowDownload;
        ExpiresAt = expiresAt?.ToUniversalTime();
        CreatedAt = now;
        CreatedBy = createdBy;
        UpdatedAt = now;
    }

    internal void Change(AccessRole role, bool allowDownload, DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        Role = role;
        AllowDownload = allowDownload;
        ExpiresAt = expiresAt?.ToUniversalTime();
        UpdatedAt = now;
    }

    internal void Revoke(UserId by, DateTimeOffset now)
    {
        RevokedAt = now;
        RevokedBy = by;
        UpdatedAt = now;
    }
}

/// <summary>Who a grant is to: exactly one person or exactly one group.</summary>
public readonly record struct Grantee
{
    private Grantee(UserId? personId, GroupId? groupId) => (PersonId, GroupId) = (personId, groupId);

    public UserId? PersonId { get; }

    public GroupId? GroupId { get; }

    public static Grantee OfPerson(UserId person) => new(person, null);

    public static Grantee OfGroup(GroupId group) => new(null, group);

    /// <summary>Whether <paramref name="grant"/> is to this same person or group.</summary>
    public bool Holds(Grant grant) => grant.GranteeId == PersonId && grant.GroupId == GroupId;
}
