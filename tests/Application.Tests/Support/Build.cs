using MediaVault.Application.Abstractions;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Owners;
using MediaVault.Domain.Users;
using Moq;

namespace MediaVault.Application.Tests.Support;

/// <summary>Domain objects in known states, built through the domain's own behaviour.</summary>
internal static class Build
{
    public const long Quota = 1_000_000;

    public static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    public static Owner Owner(UserId? id = null, long quota = Quota) => Domain.Owners.Owner.Open(id ?? UserId.New(), quota, Now);

    public static Asset PendingAsset(UserId owner, long size = 1000, Owner? holder = null) =>
        Asset.Register(holder ?? Owner(owner), FileName.Create("clip.mp4"), ContentType.Create("video/mp4"), size, Quota, null, null, null, [], Now.AddMinutes(15), Now);

    public static Asset ReadyAsset(UserId owner, long size = 1000)
    {
        var holder = Owner(owner);
        var asset = PendingAsset(owner, size, holder);
        asset.CompleteUpload(holder, AccessPolicy.Evaluate(asset, owner, Now), size, "video/mp4", Now);
        asset.ClearDomainEvents();
        return asset;
    }

    public static ICurrentUser CurrentUser(UserId id, bool isAdmin = false)
    {
        var user = new Mock<ICurrentUser>();
        user.SetupGet(u => u.Id).Returns(id);
        user.SetupGet(u => u.IsAdmin).Returns(isAdmin);
        return user.Object;
    }
}
