using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Owners;
using MediaVault.Domain.Sharing;
using MediaVault.Domain.Users;

namespace MediaVault.Domain.Tests.TestSupport;

/// <summary>Builds the situations the tests talk about, at a fixed "now".</summary>
internal static class Given
{
    /// <summary>The instant every test calls "now".</summary>
    public static readonly DateTimeOffset Now = new(2025, 6, 2, 9, 30, 0, TimeSpan.Zero);

    public static readonly TimeSpan UploadWindow = TimeSpan.FromMinutes(15);

    public const long MaxSizeBytes = 5L * 1024 * 1024 * 1024;

    public const long QuotaBytes = 10L * 1024 * 1024;

    public const long SizeBytes = 1024 * 1024;

    public const string ContentTypeValue = "image/png";

    public const string FileNameValue = "holiday.png";

    public static Owner AnOwner(long quotaBytes = QuotaBytes) => Owner.Open(UserId.New(), quotaBytes, Now);

    public static Asset APendingAsset(Owner owner, long sizeBytes = SizeBytes, string contentType = ContentTypeValue) =>
        Asset.Register(
            owner,
            FileName.Create(FileNameValue),
            ContentType.Create(contentType),
            sizeBytes,
            MaxSizeBytes,
            sha256: null,
            title: null,
            description: null,
            tags: [],
            uploadExpiresAt: Now + UploadWindow,
            now: Now);

    /// <summary>A pending asset whose upload completed, with its events cleared so a test sees only its own.</summary>
    public static Asset AReadyAsset(Owner owner, long sizeBytes = SizeBytes)
    {
        var asset = APendingAsset(owner, sizeBytes);
        asset.CompleteUpload(owner, CapabilitiesOf(asset, owner.Id), sizeBytes, ContentTypeValue, Now);
        asset.ClearDomainEvents();
        return asset;
    }

    public static Asset AReadyAsset() => AReadyAsset(AnOwner());

    public static Capabilities CapabilitiesOf(Asset asset, UserId person) => AccessPolicy.Evaluate(asset, person, Now);

    public static Capabilities OwnerCapabilities(Asset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return CapabilitiesOf(asset, asset.OwnerId);
    }

    /// <summary>The owner grants <paramref name="role"/> to a new person; returns that person.</summary>
    public static UserId AGrantee(Asset asset, AccessRole role, DateTimeOffset? expiresAt = null)
    {
        var grantee = UserId.New();
        AGrant(asset, grantee, role, expiresAt);
        return grantee;
    }

    /// <summary>The owner grants <paramref name="role"/> to <paramref name="grantee"/>, with events cleared.</summary>
    public static ShareGrant AGrant(Asset asset, UserId grantee, AccessRole role, DateTimeOffset? expiresAt = null)
    {
        ArgumentNullException.ThrowIfNull(asset);
        var grant = asset.ShareWith(asset.OwnerId, OwnerCapabilities(asset), Grantee.OfPerson(grantee), role, true, expiresAt, Now);
        asset.ClearDomainEvents();
        return grant;
    }

    /// <summary>A person with the given role on <paramref name="asset"/>: its owner for <see cref="AccessRole.Owner"/>, else a grantee.</summary>
    public static UserId APersonWithRole(Asset asset, AccessRole role)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return role == AccessRole.Owner ? asset.OwnerId : AGrantee(asset, role);
    }

    public static ShareLink ALink(Asset asset, int? maxDownloads = null, DateTimeOffset? expiresAt = null)
    {
        ArgumentNullException.ThrowIfNull(asset);
        var link = ShareLink.Create(asset, asset.OwnerId, OwnerCapabilities(asset), "token-hash", passwordHash: null, expiresAt, maxDownloads, Now);
        link.ClearDomainEvents();
        return link;
    }
}
