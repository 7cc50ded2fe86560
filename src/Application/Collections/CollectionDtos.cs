using MediaVault.Application.Abstractions;
using MediaVault.Application.Sharing;
using MediaVault.Domain.Access;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Collections;

/// <summary>What the caller may do to a collection, as <see cref="Collection.AccessOf"/> decided it.</summary>
public sealed record CollectionAccessDto(AccessRole? Role, bool CanView, bool CanEdit, bool CanShare, bool CanDelete)
{
    public static CollectionAccessDto From(CollectionAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return new CollectionAccessDto(access.Role, access.CanView, access.CanEdit, access.CanShare, access.CanDelete);
    }
}

/// <summary>A collection as one caller sees it: <c>AssetCount</c> counts the member assets that caller can see.</summary>
public sealed record CollectionDto(
    Guid Id,
    Guid OwnerId,
    string Name,
    string? Description,
    int AssetCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    CollectionAccessDto Access)
{
    public static CollectionDto From(Collection collection, CollectionAccess access, int assetCount)
    {
        ArgumentNullException.ThrowIfNull(collection);
        return new CollectionDto(
            collection.Id.Value,
            collection.OwnerId.Value,
            collection.Name,
            collection.Description,
            assetCount,
            collection.CreatedAt,
            collection.UpdatedAt,
            CollectionAccessDto.From(access));
    }
}

/// <summary>What adding assets did: the ids added now, and those that were in the collection already.</summary>
public sealed record AddedAssetsDto(IReadOnlyList<Guid> Added, IReadOnlyList<Guid> AlreadyPresent);

/// <summary>
/// A grant on a collection as its owner and managers see it: to a person (<c>Grantee</c>) or to a group (<c>Group</c>),
/// never both. <c>Active</c> is false once it has expired.
/// </summary>
public sealed record CollectionGrantDto(
    Guid Id,
    Guid CollectionId,
    GranteeDto? Grantee,
    GroupRefDto? Group,
    AccessRole Role,
    bool AllowDownload,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset CreatedAt,
    Guid CreatedBy,
    bool Active)
{
    /// <summary>Reads the people and groups a set of grants is to (two lookups), to describe each grant.</summary>
    public static async Task<IReadOnlyList<CollectionGrantDto>> DescribeAsync(
        IReadOnlyCollection<CollectionGrant> grants, IUserDirectory users, IGroupQueries groupQueries, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grants);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(groupQueries);
        UserId[] personIds = [.. grants.Where(g => g.GranteeId is not null).Select(g => g.GranteeId!.Value).Distinct()];
        GroupId[] groupIds = [.. grants.Where(g => g.GroupId is not null).Select(g => g.GroupId!.Value).Distinct()];
        IReadOnlyDictionary<UserId, DirectoryUser> people = personIds.Length == 0 ? new Dictionary<UserId, DirectoryUser>() : await users.GetByIdsAsync(personIds, cancellationToken);
        var groups = await groupQueries.NamesAsync(groupIds, cancellationToken);
        return [.. grants.Select(g => From(g, people, groups, now))];
    }

    private static CollectionGrantDto From(CollectionGrant grant, IReadOnlyDictionary<UserId, DirectoryUser> people, IReadOnlyDictionary<GroupId, string> groups, DateTimeOffset now) =>
        new(
            grant.Id.Value,
            grant.CollectionId.Value,
            grant.GranteeId is { } person ? new GranteeDto(person.Value, people.GetValueOrDefault(person)?.Email, people.GetValueOrDefault(person)?.DisplayName) : null,
            grant.GroupId is { } group ? new GroupRefDto(group.Value, groups.GetValueOrDefault(group) ?? string.Empty) : null,
            grant.Role,
            grant.AllowDownload,
            grant.ExpiresAt,
            grant.CreatedAt,
            grant.CreatedBy.Value,
            grant.IsActiveAt(now));
}
