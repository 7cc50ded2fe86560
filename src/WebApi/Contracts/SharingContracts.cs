using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace MediaVault.WebApi.Contracts;

/// <summary>
/// Give a person (<c>granteeEmail</c>) or a group you are a member of (<c>groupId</c>) a role on the asset: exactly one of
/// the two. <c>role</c> is viewer, editor or manager; <c>allowDownload</c> (default true) false gives view-only access;
/// <c>expiresAt</c> lies in the future or is left out (never expires).
/// </summary>
public sealed record CreateGrantRequest(
    string? GranteeEmail,
    [property: Required, AllowedValues("viewer", "editor", "manager")] string? Role,
    DateTimeOffset? ExpiresAt,
    Guid? GroupId = null,
    bool? AllowDownload = null);

/// <summary>
/// Change a grant. A field left out stays as it is; <c>"expiresAt": null</c> removes the expiry (the grant never
/// expires), a timestamp must lie in the future.
/// </summary>
public sealed class ChangeGrantRequest
{
    private DateTimeOffset? _expiresAt;

    /// <summary>viewer, editor or manager; left out or null keeps the role.</summary>
    public string? Role { get; set; }

    /// <summary>false: view-only (the holder sees the asset and its renditions, not the original); left out or null keeps it.</summary>
    public bool? AllowDownload { get; set; }

    /// <summary>Left out: unchanged. null: never expires. A timestamp: expires then.</summary>
    public DateTimeOffset? ExpiresAt
    {
        get => _expiresAt;
        set
        {
            _expiresAt = value;
            ExpiresAtGiven = true;
        }
    }

    /// <summary>Whether the body named <c>expiresAt</c> at all (the JSON reader sets it only then).</summary>
    [JsonIgnore]
    public bool ExpiresAtGiven { get; private set; }
}

/// <summary>The person a grant is for. <c>email</c> and <c>displayName</c> are null if the account is gone.</summary>
public sealed record GranteeResponse(Guid Id, string? Email, string? DisplayName);

/// <summary>A group, by id and name (the group a grant is to, or through which a person holds access).</summary>
public sealed record GroupRefResponse(Guid Id, string Name);

/// <summary>
/// A grant, to a person (<c>grantee</c>) or to a group (<c>group</c>; then <c>grantee</c> is null). <c>allowDownload</c>
/// false gives view-only access. <c>active</c> is false once <c>expiresAt</c> has passed: an expired grant gives nothing, and is listed
/// until it is revoked or renewed.
/// </summary>
public sealed record GrantResponse(
    Guid Id,
    Guid AssetId,
    GranteeResponse? Grantee,
    GroupRefResponse? Group,
    AccessRole Role,
    bool AllowDownload,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset CreatedAt,
    Guid CreatedBy,
    bool Active);

/// <summary>A list that is never paginated (an asset's grants or links).</summary>
public sealed record ItemsResponse<T>([property: Required] IReadOnlyList<T> Items);

/// <summary>
/// Create a public link. All optional: <c>expiresAt</c> in the future, <c>password</c> (1–128 characters, not blank)
/// asked for on download, <c>maxDownloads</c> at least 1.
/// </summary>
public sealed record CreateLinkRequest(DateTimeOffset? ExpiresAt, string? Password, int? MaxDownloads);

/// <summary>
/// A link just created. <c>token</c> and <c>url</c> are shown only in this response: only a hash of the token is kept.
/// <c>url</c> is <c>{App__PublicBaseUrl}/api/v1/public/links/{token}</c>.
/// </summary>
public sealed record CreatedLinkResponse(
    Guid Id,
    string Token,
    Uri Url,
    DateTimeOffset? ExpiresAt,
    bool HasPassword,
    int? MaxDownloads,
    int DownloadCount,
    DateTimeOffset CreatedAt,
    Guid CreatedBy,
    bool Active);

/// <summary>A link, without its token. <c>active</c> is false once it has expired or is used up.</summary>
public sealed record LinkResponse(
    Guid Id,
    DateTimeOffset? ExpiresAt,
    bool HasPassword,
    int? MaxDownloads,
    int DownloadCount,
    DateTimeOffset CreatedAt,
    Guid CreatedBy,
    bool Active);

/// <summary>What a link's holder may know about the asset before downloading it.</summary>
public sealed record PublicAssetResponse(string Title, string FileName, string ContentType, AssetKind Kind, long SizeBytes);

/// <summary>
/// What a public link shows before it is used. An asset link (<c>kind: asset</c>) keeps its tier-1 shape: <c>asset</c>
/// is set and <c>collection</c> is null. A collection link (<c>kind: view</c> or <c>upload</c>) has <c>collection</c>
/// set and <c>asset</c> null.
/// </summary>
public sealed record PublicLinkResponse(PublicAssetResponse? Asset, PublicCollectionResponse? Collection, LinkKind Kind, bool RequiresPassword, DateTimeOffset? ExpiresAt);

/// <summary>The link's password, if it has one.</summary>
public sealed record PublicDownloadRequest(string? Password);

