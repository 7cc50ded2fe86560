using MediaVault.Domain.Sharing;

namespace MediaVault.Domain.Access;

/// <summary>How a person came by a role on an asset.</summary>
public enum AccessPathKind
{
    /// <summary>The person owns the asset.</summary>
    Owner = 0,

    /// <summary>A grant on the asset to the person.</summary>
    Grant = 1,

    /// <summary>A grant on the asset to a group the person is a member of.</summary>
    GroupGrant = 2,

    /// <summary>A grant (to the person or to one of their groups) on a collection that contains the asset.</summary>
    CollectionGrant = 3,
}

/// <summary>A named thing a path goes through: a group or a collection, by id and name.</summary>
public sealed record PathVia(Guid Id, string Name);

/// <summary>
/// One way a person holds a role on an asset: which <see cref="AccessPathKind"/>, the role it gives, whether it allows
/// downloading the original, until when, and through which grant, group and collection. Paths handed to
/// <see cref="AccessPolicy.Decide"/> come from active grants only (<see cref="Grant.IsActive{TGrant}"/>).
/// </summary>
public sealed record AccessPath(
    AccessPathKind Kind,
    AccessRole Role,
    bool AllowDownload,
    DateTimeOffset? ExpiresAt = null,
    GrantId? GrantId = null,
    PathVia? Group = null,
    PathVia? Collection = null);

/// <summary>What the rule needs to know of the asset itself; a trashed asset is nobody's to see, its owner's included.</summary>
public sealed record AssetAccessFacts(Users.UserId OwnerId, Assets.AssetStatus Status, Assets.Media.AssetIntegrity Integrity, bool InheritsAccess, bool IsTrashed = false);

/// <summary>The decision for one person and one asset: the capabilities, and the paths they come from, strongest first.</summary>
public sealed record AccessDecision(Capabilities Capabilities, IReadOnlyList<AccessPath> Paths);
