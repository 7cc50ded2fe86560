using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Users;

namespace MediaVault.Domain.Sharing;

/// <summary>
/// A <see cref="Grant"/> on one asset, to a person or to a group. Grants live inside the <see cref="Asset"/> aggregate:
/// who may grant what, and "one live grant per person or group", are the asset's rules. Created only by
/// <see cref="Asset.ShareWith"/>.
/// </summary>
public sealed class ShareGrant : Grant
{
    private ShareGrant()
    {
    }

    public AssetId AssetId { get; private set; }

    /// <summary>The asset's creation instant, copied (it never changes): lists read grants in the asset's keyset order.</summary>
    public DateTimeOffset AssetCreatedAt { get; private set; }

    internal static ShareGrant Create(
        AssetId assetId, DateTimeOffset assetCreatedAt, Grantee grantee, AccessRole role, bool allowDownload, DateTimeOffset? expiresAt, UserId createdBy, DateTimeOffset now)
    {
        var grant = new ShareGrant { AssetId = assetId, AssetCreatedAt = assetCreatedAt };
        grant.Initialise(GrantId.New(), grantee, role, allowDownload, expiresAt, createdBy, now);
        return grant;
    }
}
