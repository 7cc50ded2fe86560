using MediaVault.Domain.Access;
using MediaVault.Domain.Assets.Events;
using MediaVault.Domain.Assets.Rules;
using MediaVault.Domain.Tests.TestSupport;
using MediaVault.Domain.Users;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;

namespace MediaVault.Domain.Tests.Assets;

public sealed class RecordDownloadTests
{
    [TestCase(AccessRole.Owner)]
    [TestCase(AccessRole.Manager)]
    [TestCase(AccessRole.Editor)]
    [TestCase(AccessRole.Viewer)]
    public void RecordDownload_WhenCallerIsOwnerOrActiveGrantee_RaisesAssetDownloaded(AccessRole role)
    {
        var asset = Given.AReadyAsset();
        var person = Given.APersonWithRole(asset, role);

        asset.RecordDownload(person, Given.CapabilitiesOf(asset, person), Given.Now);

        var downloaded = AssertRaised<AssetDownloaded>(asset);
        downloaded.AssetId.ShouldBe(asset.Id);
        downloaded.ActorId.ShouldBe(person);
        downloaded.OccurredAt.ShouldBe(Given.Now);
    }

    [Test]
    public void RecordDownload_WhenAssetIsPending_BreaksDownloadRequiresReadyAssetAndAccessRule()
    {
        var asset = Given.APendingAsset(Given.AnOwner());

        AssertBrokenRule<DownloadRequiresReadyAssetAndAccess>(
            () => asset.RecordDownload(asset.OwnerId, Given.OwnerCapabilities(asset), Given.Now));
    }

    [Test]
    public void RecordDownload_WhenCallerIsStranger_BreaksDownloadRequiresReadyAssetAndAccessRule()
    {
        var asset = Given.AReadyAsset();
        var stranger = UserId.New();

        AssertBrokenRule<DownloadRequiresReadyAssetAndAccess>(
            () => asset.RecordDownload(stranger, Given.CapabilitiesOf(asset, stranger), Given.Now));
    }

    [Test]
    public void RecordDownload_WhenGrantHasExpired_BreaksDownloadRequiresReadyAssetAndAccessRule()
    {
        var asset = Given.AReadyAsset();
        var expiry = Given.Now.AddDays(1);
        var viewer = Given.AGrantee(asset, AccessRole.Viewer, expiry);

        AssertBrokenRule<DownloadRequiresReadyAssetAndAccess>(
            () => asset.RecordDownload(viewer, AccessPolicy.Evaluate(asset, viewer, expiry), expiry));
    }
}
