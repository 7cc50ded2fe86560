using MediaVault.Domain.Access;
using MediaVault.Domain.Assets.Events;
using MediaVault.Domain.Sharing;
using MediaVault.Domain.Sharing.Rules;
using MediaVault.Domain.Tests.TestSupport;
using MediaVault.Domain.Users;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;

namespace MediaVault.Domain.Tests.Sharing;

public sealed class CreateLinkTests
{
    private const string TokenHash = "c0ffee";
    private static readonly DateTimeOffset Now = Given.Now;

    [TestCase(AccessRole.Owner)]
    [TestCase(AccessRole.Manager)]
    public void Create_WhenOwnerOrManagerCreatesLink_GivesUsableLinkToTheAsset(AccessRole role)
    {
        var asset = Given.AReadyAsset();
        var actor = Given.APersonWithRole(asset, role);

        var link = ShareLink.Create(asset, actor, Given.CapabilitiesOf(asset, actor), TokenHash, null, null, null, Now);

        link.AssetId.ShouldBe(asset.Id);
        link.CreatedBy.ShouldBe(actor);
        link.DownloadCount.ShouldBe(0);
        link.IsUsableAt(Now).ShouldBeTrue();
    }

    [Test]
    public void Create_WhenLinkIsCreated_KeepsOnlyTheTokenHashGiven()
    {
        var asset = Given.AReadyAsset();

        var link = ShareLink.Create(asset, asset.OwnerId, Given.OwnerCapabilities(asset), TokenHash, null, null, null, Now);

        link.TokenHash.ShouldBe(TokenHash);
    }

    [Test]
    public void Create_WhenLinkIsCreated_RaisesLinkCreated()
    {
        var asset = Given.AReadyAsset();
        var expiry = Now.AddDays(1);

        var link = ShareLink.Create(asset, asset.OwnerId, Given.OwnerCapabilities(asset), TokenHash, "pw-hash", expiry, 3, Now);

        var created = AssertRaised<LinkCreated>(link);
        created.AssetId.ShouldBe(asset.Id);
        created.ActorId.ShouldBe(asset.OwnerId);
        created.LinkId.ShouldBe(link.Id);
        created.ExpiresAt.ShouldBe(expiry);
        created.HasPassword.ShouldBeTrue();
        created.MaxDownloads.ShouldBe(3);
        created.OccurredAt.ShouldBe(Now);
    }

    [TestCase("pw-hash", true)]
    [TestCase(null, false)]
    public void Create_WhenPasswordHashIsGivenOrNot_SaysWhetherLinkAsksForPassword(string? passwordHash, bool expected)
    {
        var asset = Given.AReadyAsset();

        var link = ShareLink.Create(asset, asset.OwnerId, Given.OwnerCapabilities(asset), TokenHash, passwordHash, null, null, Now);

        link.HasPassword.ShouldBe(expected);
        link.PasswordHash.ShouldBe(passwordHash);
    }

    [TestCase(AccessRole.Editor)]
    [TestCase(AccessRole.Viewer)]
    public void Create_WhenCallerIsEditorOrViewer_BreaksOnlyOwnerOrManagerCanShareRule(AccessRole role)
    {
        var asset = Given.AReadyAsset();
        var caller = Given.AGrantee(asset, role);

        AssertBrokenRule<OnlyOwnerOrManagerCanShare>(
            () => ShareLink.Create(asset, caller, Given.CapabilitiesOf(asset, caller), TokenHash, null, null, null, Now));
    }

    [Test]
    public void Create_WhenCallerIsStranger_BreaksOnlyOwnerOrManagerCanShareRule()
    {
        var asset = Given.AReadyAsset();
        var stranger = UserId.New();

        AssertBrokenRule<OnlyOwnerOrManagerCanShare>(
            () => ShareLink.Create(asset, stranger, Given.CapabilitiesOf(asset, stranger), TokenHash, null, null, null, Now));
    }

    [Test]
    public void Create_WhenAssetIsPending_BreaksLinkRequiresReadyAssetRule()
    {
        var asset = Given.APendingAsset(Given.AnOwner());

        AssertBrokenRule<LinkRequiresReadyAsset>(
            () => ShareLink.Create(asset, asset.OwnerId, Given.OwnerCapabilities(asset), TokenHash, null, null, null, Now));
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void Create_WhenExpiryIsNotInFuture_BreaksLinkExpiryMustBeInFutureRule(int secondsFromNow)
    {
        var asset = Given.AReadyAsset();

        AssertBrokenRule<LinkExpiryMustBeInFuture>(
            () => ShareLink.Create(asset, asset.OwnerId, Given.OwnerCapabilities(asset), TokenHash, null, Now.AddSeconds(secondsFromNow), null, Now));
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void Create_WhenDownloadLimitIsNotPositive_BreaksLinkDownloadLimitMustBePositiveRule(int maxDownloads)
    {
        var asset = Given.AReadyAsset();

        AssertBrokenRule<LinkDownloadLimitMustBePositive>(
            () => ShareLink.Create(asset, asset.OwnerId, Given.OwnerCapabilities(asset), TokenHash, null, null, maxDownloads, Now));
    }

    [Test]
    public void Create_WhenDownloadLimitIsOne_AllowsExactlyOneDownload()
    {
        var asset = Given.AReadyAsset();
        var link = ShareLink.Create(asset, asset.OwnerId, Given.OwnerCapabilities(asset), TokenHash, null, null, 1, Now);

        link.RecordDownload(Now);

        link.DownloadCount.ShouldBe(1);
        link.IsUsableAt(Now).ShouldBeFalse();
    }

    [Test]
    public void Create_WhenTokenHashIsMissing_Throws()
    {
        var asset = Given.AReadyAsset();

        Should.Throw<ArgumentException>(
            () => ShareLink.Create(asset, asset.OwnerId, Given.OwnerCapabilities(asset), " ", null, null, null, Now));
    }
}
