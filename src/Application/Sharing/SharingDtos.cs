using MediaVault.Application.Abstractions;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Sharing;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Sharing;

/// <summary>The person a grant is for; e-mail and name are <c>null</c> if the account no longer exists.</summary>
public sealed record GranteeDto(Guid Id, string? Email, string? DisplayName);

/// <summary>The group a grant is for.</summary>
public sealed record GroupRefDto(Guid Id, string Name);

/// <summary>
/// A grant as the owner and managers see it: to a person (<c>Grantee</c>) or to a group (<c>Group</c>), never both.
/// <c>Active</c> is false once it has expired.
/// </summary>
public sealed record GrantDto(
    Guid Id,
    Guid AssetId,
    GranteeDto? Grantee,
    GroupRefDto? Group,
    AccessRole Role,
    bool AllowDownload,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset CreatedAt,
    Guid CreatedBy,
    bool Active)
{
    public static GrantDto From(ShareGrant grant, IReadOnlyDictionary<UserId, DirectoryUser> people, IReadOnlyDictionary<GroupId, string> groups, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(groups);
        return new GrantDto(
            grant.Id.Value,
            grant.AssetId.Value,
            grant.GranteeId is { } person ? new GranteeDto(person.Value, people.GetValueOrDefault(person)?.Email, people.GetValueOrDefault(person)?.DisplayName) : null,
            grant.GroupId is { } group ? new GroupRefDto(group.Value, groups.GetValueOrDefault(group) ?? string.Empty) : null,
            grant.Role,
            grant.AllowDownload,
            grant.ExpiresAt,
            grant.CreatedAt,
            grant.CreatedBy.Value,
            grant.IsActiveAt(now));
    }

    /// <summary>Reads the people and groups a set of grants is to (two lookups), to describe each grant.</summary>
    public static async Task<IReadOnlyList<GrantDto>> DescribeAsync(
        IReadOnlyCollection<ShareGrant> grants, IUserDirectory users, IGroupQueries groupQueries, DateTimeOffset now, CancellationToken cancellationToken)
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
}

/// <summary>A public link without its token (which is never kept). <c>Active</c> is false once expired or used up.</summary>
public sealed record LinkDto(
    Guid Id,
    DateTimeOffset? ExpiresAt,
    bool HasPassword,
    int? MaxDownloads,
    int DownloadCount,
    DateTimeOffset CreatedAt,
    Guid CreatedBy,
    bool Active)
{
    public static LinkDto From(ShareLink link, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(link);
        return new LinkDto(
            link.Id.Value, link.ExpiresAt, link.HasPassword, link.MaxDownloads, link.DownloadCount, link.CreatedAt, link.CreatedBy.Value, link.IsUsableAt(now));
    }
}

/// <summary>A link just created: the only time its token and URL are ever shown.</summary>
public sealed record CreatedLinkDto(LinkDto Link, string Token, Uri Url);

/// <summary>What an anonymous link holder may know about the asset.</summary>
public sealed record PublicAssetDto(string Title, string FileName, string ContentType, MediaKind Kind, long SizeBytes);

public sealed record PublicLinkDto(PublicAssetDto Asset, bool RequiresPassword, DateTimeOffset? ExpiresAt);

/// <summary>The limits of public links: the shortest password a link may ask for (<c>Links__MinPasswordLength</c>).</summary>
public sealed record LinkSettings(int MinPasswordLength);
