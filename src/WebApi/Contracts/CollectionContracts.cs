using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace MediaVault.WebApi.Contracts;

/// <summary>Create a collection: <c>name</c> 1–100 characters on one line; <c>description</c> optional.</summary>
public sealed record CreateCollectionRequest([property: Required] string? Name, string? Description);

/// <summary>Rename or describe a collection. A field left out (or null) stays as it is; an empty description removes it.</summary>
public sealed record UpdateCollectionRequest(string? Name, string? Description);

/// <summary>
/// What the caller may do to the collection: <c>viewer</c> sees it and its assets; <c>editor</c> also renames it and adds
/// and removes assets; <c>manager</c> also grants access to it; the <c>owner</c> also deletes it.
/// </summary>
public sealed record CollectionAccessResponse(AccessRole? Role, bool CanView, bool CanEdit, bool CanShare, bool CanDelete);

/// <summary>A collection as the caller sees it. <c>assetCount</c> counts the member assets the caller can see.</summary>
public sealed record CollectionResponse(
    Guid Id,
    Guid OwnerId,
    string Name,
    string? Description,
    int AssetCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    CollectionAccessResponse Access);

/// <summary>1–100 ids of assets to add; each one you may share (owner or manager of it) and ready.</summary>
public sealed record AddCollectionAssetsRequest([property: Required] IReadOnlyList<Guid>? AssetIds);

/// <summary>The assets added by this request, and those that were in the collection already.</summary>
public sealed record AddedCollectionAssetsResponse([property: Required] IReadOnlyList<Guid> Added, [property: Required] IReadOnlyList<Guid> AlreadyPresent);

/// <summary>
/// Give a person (<c>granteeEmail</c>) or one of your groups (<c>groupId</c>), exactly one of them, a role on the
/// collection and on every member asset that inherits access. <c>role</c> is viewer, editor or manager; <c>expiresAt</c>
/// lies in the future or is left out (never expires); <c>allowDownload</c> defaults to true.
/// </summary>
public sealed record CreateCollectionGrantRequest(
    string? GranteeEmail,
    Guid? GroupId,
    [property: Required, AllowedValues("viewer", "editor", "manager")] string? Role,
    DateTimeOffset? ExpiresAt,
    bool? AllowDownload);

/// <summary>
/// Change a grant on a collection. A field left out stays as it is; <c>"expiresAt": null</c> removes the expiry (the
/// grant never expires), a timestamp must lie in the future.
/// </summary>
public sealed class ChangeCollectionGrantRequest
{
    private DateTimeOffset? _expiresAt;

    /// <summary>viewer, editor or manager; left out or null keeps the role.</summary>
    public string? Role { get; set; }

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

    /// <summary>Whether the grant lets its holder download originals; left out or null keeps it.</summary>
    public bool? AllowDownload { get; set; }

    /// <summary>Whether the body named <c>expiresAt</c> at all (the JSON reader sets it only then).</summary>
    [JsonIgnore]
    public bool ExpiresAtGiven { get; private set; }
}

/// <summary>
/// A grant on a collection, to a person (<c>grantee</c>) or to a group (<c>group</c>; then <c>grantee</c> is null).
/// <c>allowDownload</c> false gives view-only access. <c>active</c> is false once <c>expiresAt</c> has passed.
/// </summary>
public sealed record CollectionGrantResponse(
    Guid Id,
    Guid CollectionId,
    GranteeResponse? Grantee,
    GroupRefResponse? Group,
    AccessRole Role,
    bool AllowDownload,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset CreatedAt,
    Guid CreatedBy,
    bool Active);
