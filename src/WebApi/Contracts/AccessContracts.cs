using System.ComponentModel.DataAnnotations;
using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace MediaVault.WebApi.Contracts;

/// <summary>
/// How a person came by a role on an asset: <c>owner</c>; <c>grant</c> (on the asset, to the person); <c>group-grant</c>
/// (on the asset, to a group the person is in); <c>collection-grant</c> (on a collection that contains the asset, to the
/// person or one of its groups).
/// </summary>
public enum AccessPathKind
{
    [EnumMember(Value = "owner")]
    [JsonStringEnumMemberName("owner")]
    Owner,

    [EnumMember(Value = "grant")]
    [JsonStringEnumMemberName("grant")]
    Grant,

    [EnumMember(Value = "group-grant")]
    [JsonStringEnumMemberName("group-grant")]
    GroupGrant,

    [EnumMember(Value = "collection-grant")]
    [JsonStringEnumMemberName("collection-grant")]
    CollectionGrant,
}

/// <summary>A collection, by id and name (the collection through which a person holds access).</summary>
public sealed record CollectionRefResponse(Guid Id, string Name);

/// <summary>
/// One active way a person holds a role on the asset. <c>grantId</c> is the grant's (on the asset, or on the collection)
/// and null for the owner; <c>group</c> names the group a grant is to, <c>collection</c> the collection a grant is on.
/// </summary>
public sealed record AccessPathResponse(
    AccessPathKind Kind,
    AccessRole Role,
    bool AllowDownload,
    DateTimeOffset? ExpiresAt,
    Guid? GrantId,
    GroupRefResponse? Group,
    CollectionRefResponse? Collection);

/// <summary>
/// What <c>userId</c> may do to the asset, and every active path that gives it, strongest first; no role and
/// <c>paths: []</c> when the person has no access.
/// </summary>
public sealed record AccessExplanationResponse(
    Guid UserId,
    AccessRole? Role,
    bool CanView,
    bool CanDownload,
    bool CanEdit,
    bool CanShare,
    bool CanDelete,
    [property: Required] IReadOnlyList<AccessPathResponse> Paths);

/// <summary>1 to 100 asset ids to check your access to (an id may repeat).</summary>
public sealed record CheckAccessRequest([property: Required] IReadOnlyList<Guid?>? AssetIds);

/// <summary>Your capabilities on one asset asked about; an asset you may not see, or that does not exist, gets no role and nothing allowed.</summary>
public sealed record AssetAccessResponse(Guid AssetId, AccessResponse Access);
