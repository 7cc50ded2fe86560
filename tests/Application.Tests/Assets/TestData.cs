using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Owners;
using MediaVault.Domain.Users;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace MediaVault.Application.Tests.Assets;

/// <summary>The situations the handler tests start from, at a fixed "now".</summary>
internal static class TestData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    public const long Quota = 10L * 1024 * 1024;

    public static readonly AssetSettings Settings = new()
    {
        MaxSizeBytes = 4L * 1024 * 1024,
        MultipartThresholdBytes = 2L * 1024 * 1024,
        MultipartPartSizeBytes = 1,
        UploadUrlTtl = TimeSpan.FromMinutes(15),
        DownloadUrlTtl = TimeSpan.FromMinutes(5),
        UploadGracePeriod = TimeSpan.FromHours(1),
    };

    public static FakeTimeProvider Clock() => new(Now);

    public static Owner AnOwner(long quota = Quota) => Owner.Open(UserId.New(), quota, Now.AddDays(-1));

    public static Asset APendingAsset(Owner owner, long size = 1000, DateTimeOffset? uploadExpiresAt = null) =>
        Asset.Register(
            owner, FileName.Create("photo.png"), ContentType.Create("image/png"), size, Settings.MaxSizeBytes, null, null, null, [],
            uploadExpiresAt ?? Now.AddMinutes(15), Now.AddMinutes(-1));

    public static Asset AReadyAsset(Owner owner, long size = 1000)
    {
        var asset = APendingAsset(owner, size);
        asset.CompleteUpload(owner, AccessPolicy.Evaluate(asset, owner.Id, Now), size, "image/png", Now);
        asset.ClearDomainEvents();
        return asset;
    }

    public static UserId AGrantee(Asset asset, AccessRole role, DateTimeOffset? expiresAt = null)
    {
        var grantee = UserId.New();
        asset.ShareWith(asset.OwnerId, AccessPolicy.Evaluate(asset, asset.OwnerId, Now), Grantee.OfPerson(grantee), role, true, expiresAt, Now.AddMinutes(-1));
        asset.ClearDomainEvents();
        return grantee;
    }

    public static Mock<ICurrentUser> CurrentUser(UserId id)
    {
        var user = new Mock<ICurrentUser>();
        user.Setup(u => u.Id).Returns(id);
        return user;
    }
}
