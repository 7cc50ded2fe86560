using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Common;
using MediaVault.Domain.Users;

namespace MediaVault.Domain.Sharing;

/// <summary>
/// Permission for one person (the grantee) to act on one asset in a role, until it expires or is revoked.
/// Grants live inside the <see cref="Asset"/> aggregate: who may grant what, and "one grant per person", are the
/// asset's rules. Created only by <see cref="Asset.ShareWith"/>.
/// </summary>
public sealed class ShareGrant : Entity<GrantId>
{
    private ShareGrant()
    {
    }

    public AssetId AssetId { get; private set; }

    public UserId GranteeId { get; private set; }

    public AccessRole Role { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public UserId CreatedBy { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public UserId? RevokedBy { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>A grant confers its role only while it is neither revoked nor past its expiry.</summary>
    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    internal static ShareGrant Create(
        AssetId assetId, UserId granteeId, AccessRole role, DateTimeOffset? expiresAt, UserId createdBy, DateTimeOffset now) =>
        new()
        {
            Id = GrantId.New(),
            AssetId = assetId,
            GranteeId = granteeId,
            Role = role,
            ExpiresAt = expiresAt?.ToUniversalTime(),
            CreatedAt = now,
            CreatedBy = createdBy,
            UpdatedAt = now,
        };

    internal void Change(AccessRole role, DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        Role = role;
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
