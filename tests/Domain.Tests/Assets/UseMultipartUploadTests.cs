using MediaVault.Domain.Assets.Rules;
using MediaVault.Domain.Tests.TestSupport;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;

namespace MediaVault.Domain.Tests.Assets;

public sealed class UseMultipartUploadTests
{
    [Test]
    public void UseMultipartUpload_WhenAssetIsPending_RemembersTheUpload()
    {
        var asset = Given.APendingAsset(Given.AnOwner());

        asset.UseMultipartUpload("upload-1");

        asset.MultipartUploadId.ShouldBe("upload-1");
    }

    [Test]
    public void UseMultipartUpload_WhenAnUploadIsAlreadyAttached_BreaksOnlyPendingUploadTakesMultipartUploadRule()
    {
        var asset = Given.APendingAsset(Given.AnOwner());
        asset.UseMultipartUpload("upload-1");

        AssertBrokenRule<OnlyPendingUploadTakesMultipartUpload>(() => asset.UseMultipartUpload("upload-2"));
        asset.MultipartUploadId.ShouldBe("upload-1");
    }

    [Test]
    public void UseMultipartUpload_WhenAssetIsReady_BreaksOnlyPendingUploadTakesMultipartUploadRule()
    {
        var asset = Given.AReadyAsset();

        AssertBrokenRule<OnlyPendingUploadTakesMultipartUpload>(() => asset.UseMultipartUpload("upload-1"));
        asset.MultipartUploadId.ShouldBeNull();
    }
}
