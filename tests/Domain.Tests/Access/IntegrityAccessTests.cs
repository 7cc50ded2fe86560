using MediaVault.Domain.Access;
using MediaVault.Domain.Assets.Media;
using MediaVault.Domain.Tests.TestSupport;
using MediaVault.Domain.Users;

namespace MediaVault.Domain.Tests.Access;

/// <summary>An asset whose stored bytes do not match the declared digest is its owner's business alone.</summary>
public sealed class IntegrityAccessTests
{
    [Test]
    public void Evaluate_WhenIntegrityIsMismatch_OwnerSeesItButCannotDownload()
    {
        var asset = GivenMedia.AMismatchedAsset();

        var capabilities = AccessPolicy.Evaluate(asset, asset.OwnerId, Given.Now);

        capabilities.CanView.ShouldBeTrue();
        capabilities.CanDelete.ShouldBeTrue();
        capabilities.CanDownload.ShouldBeFalse();
    }

    [TestCase(AccessRole.Viewer)]
    [TestCase(AccessRole.Manager)]
    public void Evaluate_WhenIntegrityIsMismatch_HidesItFromGrantees(AccessRole role)
    {
        var asset = GivenMedia.AReadyAsset(GivenMedia.DeclaredDigest);
        var grantee = Given.AGrantee(asset, role);

        asset.RecordIntegrity(GivenMedia.OtherDigest, Given.Now);

        AccessPolicy.Evaluate(asset, grantee, Given.Now).ShouldBe(Capabilities.None);
    }

    [TestCase(AssetIntegrity.Unverified)]
    [TestCase(AssetIntegrity.Verified)]
    [TestCase(AssetIntegrity.Mismatch)]
    public void VisibleToAndSharedWith_ForEveryIntegrity_AgreeWithEvaluate(AssetIntegrity integrity)
    {
        var asset = GivenMedia.AReadyAsset(GivenMedia.DeclaredDigest);
        var grantee = Given.AGrantee(asset, AccessRole.Viewer);
        var stranger = UserId.New();
        if (integrity != AssetIntegrity.Unverified)
        {
            asset.RecordIntegrity(integrity == AssetIntegrity.Verified ? GivenMedia.DeclaredDigest : GivenMedia.OtherDigest, Given.Now);
        }

        foreach (var person in new[] { asset.OwnerId, grantee, stranger })
        {
            var capabilities = AccessPolicy.Evaluate(asset, person, Given.Now);
            var shareable = AccessPolicy.ShareableState().Compile()(asset);
            (AccessPolicy.OwnedBy(person).Compile()(asset) || (shareable && person == grantee)).ShouldBe(capabilities.CanView);
        }

        AccessPolicy.Evaluate(asset, grantee, Given.Now).CanView.ShouldBe(integrity != AssetIntegrity.Mismatch);
    }
}
