using MediaVault.Application.Abstractions;
using MediaVault.Application.Common;
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

/// <summary>What an anonymous holder of a collection link may know about the collection.</summary>
public sealed record PublicCollectionDto(string Name, string? Description);

/// <summary>What a link shows before it is used: its asset (an asset link) or its collection (a view or upload link).</summary>
public sealed record PublicLinkDto(PublicAssetDto? Asset, PublicCollectionDto? Collection, LinkKind Kind, bool RequiresPassword, DateTimeOffset? ExpiresAt);

/// <summary>
/// The policy of public links, asset and collection links alike: the shortest password a link may ask for
/// (<c>Links__MinPasswordLength</c>), the expiry a link gets when none is asked for (<c>Links__DefaultExpiryDays</c>;
/// <c>null</c>: none) and the latest expiry allowed (<c>Links__MaxExpiryDays</c>; <c>null</c>: no maximum, and a link
/// may then live forever).
/// </summary>
public sealed record LinkSettings(int MinPasswordLength, int? DefaultExpiryDays = null, int? MaxExpiryDays = null)
{
    /// <summary>The longest link password accepted.</summary>
    public const int PasswordMaxLength = 128;

    /// <summary>The expiry a new link gets: the one asked for, else <see cref="DefaultExpiryDays"/> from now, else none.</summary>
    public DateTimeOffset? ExpiryFor(DateTimeOffset? requested, DateTimeOffset now) =>
        requested ?? (DefaultExpiryDays is { } days ? now.AddDays(days) : null);

    /// <summary>
    /// Checks a new link's expiry and password against the policy: the expiry in the future and, with a maximum, given
    /// (or defaulted) and within it; the password, when given, neither blank nor shorter or longer than allowed.
    /// </summary>
    public Validation Check(Validation validation, DateTimeOffset? requestedExpiry, string? password, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(validation);
        var expiry = ExpiryFor(requestedExpiry, now);
        var latest = MaxExpiryDays is { } days ? now.AddDays(days) : (DateTimeOffset?)null;
        return validation
            .When(requestedExpiry is { } asked && asked <= now, "expiresAt", "expiresAt must lie in the future.")
            .When(latest is not null && expiry is null, "expiresAt", $"Links here expire within {MaxExpiryDays} days: give expiresAt.")
            .When(latest is not null && expiry > latest, "expiresAt", $"expiresAt is at most {MaxExpiryDays} days from now.")
            .When(password is not null && string.IsNullOrWhiteSpace(password), "password", "password must not be blank; leave it out for a link without password.")
            .When(password is { Length: > PasswordMaxLength }, "password", $"password is at most {PasswordMaxLength} characters.")
            .When(!string.IsNullOrWhiteSpace(password) && password.Length < MinPasswordLength, "password", $"password is at least {MinPasswordLength} characters.")
            .Text("password", password);
    }
}
