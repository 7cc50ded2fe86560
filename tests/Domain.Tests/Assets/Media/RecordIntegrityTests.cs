using MediaVault.Domain.Assets.Media;
using MediaVault.Domain.Assets.Rules;
using MediaVault.Domain.Tests.TestSupport;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;

namespace MediaVault.Domain.Tests.Assets.Media;

public sealed class RecordIntegrityTests
{
    private static readonly DateTimeOffset Later = Given.Now.AddMinutes(1);

    [Test]
    public void Integrity_BeforeTheBytesAreHashed_IsUnverified()
    {
        GivenMedia.AReadyAsset(GivenMedia.DeclaredDigest).Integrity.ShouldBe(AssetIntegrity.Unverified);
    }

    [Test]
    public void RecordIntegrity_WhenComputedDigestMatchesDeclared_MarksAssetVerified()
    {
        var asset = GivenMedia.AReadyAsset(GivenMedia.DeclaredDigest);

        asset.RecordIntegrity(GivenMedia.DeclaredDigest, Later);

        asset.Integrity.ShouldBe(AssetIntegrity.Verified);
        asset.Sha256.ShouldBe(GivenMedia.DeclaredDigest.Value);
    }

    [Test]
    public void RecordIntegrity_WhenComputedDigestDiffersFromDeclared_MarksAssetMismatchAndKeepsDeclaredDigest()
    {
        var asset = GivenMedia.AReadyAsset(GivenMedia.DeclaredDigest);

        asset.RecordIntegrity(GivenMedia.OtherDigest, Later);

        asset.Integrity.ShouldBe(AssetIntegrity.Mismatch);
        asset.Sha256.ShouldBe(GivenMedia.DeclaredDigest.Value);
        asset.UpdatedAt.ShouldBe(Later);
    }

    [Test]
    public void RecordIntegrity_WhenNoDigestWasDeclared_TakesTheComputedOne()
    {
        var asset = GivenMedia.AReadyAsset(declared: null);

        asset.RecordIntegrity(GivenMedia.OtherDigest, Later);

        asset.Sha256.ShouldBe(GivenMedia.OtherDigest.Value);
        asset.Integrity.ShouldBe(AssetIntegrity.Verified);
    }

    [Test]
    public void RecordIntegrity_WhenRepeated_GivesTheSameOutcome()
    {
        var asset = GivenMedia.AReadyAsset(declared: null);

        asset.RecordIntegrity(GivenMedia.OtherDigest, Later);
        asset.RecordIntegrity(GivenMedia.OtherDigest, Later.AddMinutes(1));

        asset.Sha256.ShouldBe(GivenMedia.OtherDigest.Value);
        asset.Integrity.ShouldBe(AssetIntegrity.Verified);
    }

    [Test]
    public void RecordIntegrity_WhenAssetIsPending_BreaksOnlyReadyAssetIsProcessedRule()
    {
        var asset = Given.APendingAsset(Given.AnOwner());

        AssertBrokenRule<OnlyReadyAssetIsProcessed>(() => asset.RecordIntegrity(GivenMedia.OtherDigest, Later));
    }
}
