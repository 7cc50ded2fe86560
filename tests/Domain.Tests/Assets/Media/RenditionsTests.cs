using MediaVault.Domain.Assets.Media;
using MediaVault.Domain.Assets.Rules;
using MediaVault.Domain.Tests.TestSupport;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;

namespace MediaVault.Domain.Tests.Assets.Media;

public sealed class RenditionsTests
{
    private static readonly DateTimeOffset Later = Given.Now.AddMinutes(1);

    [TestCase("image/jpeg")]
    [TestCase("video/mp4")]
    public void CompleteUpload_WhenImageOrVideo_AddsPendingThumbnailAndPreview(string contentType)
    {
        var asset = GivenMedia.AReadyAsset(contentType: contentType);

        asset.Renditions.Select(r => r.Name).ShouldBe([Rendition.Thumbnail, Rendition.Preview]);
        asset.Renditions.ShouldAllBe(r => r.Status == RenditionStatus.Pending && r.ContentType == null && r.Width == null);
        asset.Media.ShouldBeNull();
    }

    [Test]
    public void CompleteUpload_WhenAudio_AddsNoRenditions()
    {
        GivenMedia.AReadyAsset(contentType: "audio/mpeg").Renditions.ShouldBeEmpty();
    }

    [Test]
    public void RecordRenditionReady_WhenRenditionExists_MarksItReadyWithTypeAndSize()
    {
        var asset = GivenMedia.AReadyAsset();

        asset.RecordRenditionReady(Rendition.Thumbnail, "image/webp", 256, 171, Later);

        var thumbnail = asset.Renditions.Single(r => r.Name == Rendition.Thumbnail);
        (thumbnail.Status, thumbnail.ContentType, thumbnail.Width, thumbnail.Height).ShouldBe((RenditionStatus.Ready, "image/webp", 256, 171));
        asset.Renditions.Single(r => r.Name == Rendition.Preview).Status.ShouldBe(RenditionStatus.Pending);
    }

    [Test]
    public void RecordRenditionFailed_WhenRenditionExists_MarksItFailed()
    {
        var asset = GivenMedia.AReadyAsset();

        asset.RecordRenditionFailed(Rendition.Preview, Later);

        asset.Renditions.Single(r => r.Name == Rendition.Preview).Status.ShouldBe(RenditionStatus.Failed);
    }

    [Test]
    public void RecordRenditionReady_WhenAssetIsAudio_BreaksRenditionMustExistRule()
    {
        var asset = GivenMedia.AReadyAsset(contentType: "audio/mpeg");

        AssertBrokenRule<RenditionMustExist>(() => asset.RecordRenditionReady(Rendition.Thumbnail, "image/webp", 1, 1, Later));
    }

    [Test]
    public void RecordMedia_WhenProbed_ExposesTheMediaFacts()
    {
        var asset = GivenMedia.AReadyAsset(contentType: "video/mp4");

        asset.RecordMedia(MediaInfo.Create(320, 240, 3.0004, "h264"), Later);

        asset.Media.ShouldBe(new MediaInfo(320, 240, 3.0, "h264"));
    }

    [Test]
    public void RecordMedia_WhenAssetIsPending_BreaksOnlyReadyAssetIsProcessedRule()
    {
        var asset = Given.APendingAsset(Given.AnOwner());

        AssertBrokenRule<OnlyReadyAssetIsProcessed>(() => asset.RecordMedia(MediaInfo.Create(1, 1, null, "png"), Later));
    }

    [Test]
    public void RenditionToServe_WhenReady_ReturnsIt()
    {
        var asset = GivenMedia.AReadyAsset();
        asset.RecordRenditionReady(Rendition.Preview, "image/webp", 1280, 853, Later);

        asset.RenditionToServe(Rendition.Preview).Width.ShouldBe(1280);
    }

    [Test]
    public void RenditionToServe_WhenNameIsUnknown_BreaksRenditionMustExistRule()
    {
        var asset = GivenMedia.AReadyAsset();

        AssertBrokenRule<RenditionMustExist>(() => asset.RenditionToServe("poster"));
    }

    [Test]
    public void RenditionToServe_WhenPendingOrFailed_BreaksRenditionMustBeReadyRule()
    {
        var asset = GivenMedia.AReadyAsset();
        asset.RecordRenditionFailed(Rendition.Preview, Later);

        AssertBrokenRule<RenditionMustBeReady>(() => asset.RenditionToServe(Rendition.Thumbnail));
        AssertBrokenRule<RenditionMustBeReady>(() => asset.RenditionToServe(Rendition.Preview));
    }

    [Test]
    public void RenditionToServe_WhenIntegrityIsMismatch_BreaksMismatchedAssetIsNotServedRule()
    {
        var asset = GivenMedia.AMismatchedAsset();
        asset.RecordRenditionReady(Rendition.Preview, "image/webp", 1280, 853, Later);

        AssertBrokenRule<MismatchedAssetIsNotServed>(() => asset.RenditionToServe(Rendition.Preview));
    }

    [Test]
    public void RecordDownload_WhenIntegrityIsMismatch_BreaksMismatchedAssetIsNotServedRule()
    {
        var asset = GivenMedia.AMismatchedAsset();
        var owner = asset.OwnerId;

        AssertBrokenRule<MismatchedAssetIsNotServed>(() => asset.RecordDownload(owner, Given.OwnerCapabilities(asset), Later));
    }
}
