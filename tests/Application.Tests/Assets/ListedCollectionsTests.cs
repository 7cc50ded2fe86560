using MediaVault.Application.Assets;
using MediaVault.Application.Assets.Specifications;
using MediaVault.Domain.Assets.Media;

namespace MediaVault.Application.Tests.Assets;

public sealed class ListedCollectionsTests
{
    private const string Item = ListedCollections.ItemSeparator;
    private const string Field = ListedCollections.FieldSeparator;

    [TestCase(null)]
    [TestCase("")]
    public void Renditions_OfAnAssetWithoutRenditions_AreEmpty(string? packed) =>
        ListedCollections.Renditions(packed).ShouldBeEmpty();

    [Test]
    public void Renditions_AreUnpackedWithEmptyFieldsAsMissingValues()
    {
        var renditions = ListedCollections.Renditions(
            $"preview{Field}Ready{Field}image/webp{Field}1280{Field}720{Item}thumbnail{Field}Pending{Field}{Field}{Field}");

        renditions.ShouldBe([
            new RenditionDto("preview", RenditionStatus.Ready, "image/webp", 1280, 720),
            new RenditionDto("thumbnail", RenditionStatus.Pending, null, null, null),
        ]);
    }

    [Test]
    public void Renditions_AfterUnpacking_AreShownInTheAnswersOrder_ThumbnailFirst()
    {
        var renditions = ListedCollections.Renditions($"preview{Field}Failed{Field}{Field}{Field}{Item}thumbnail{Field}Ready{Field}image/webp{Field}320{Field}180");

        AssetMapper.Ordered(renditions).Select(r => r.Name).ShouldBe(["thumbnail", "preview"]);
    }

    [TestCase("preview")]
    [TestCase("preview|Ready|image/webp|1")]
    [TestCase("preview|Done|image/webp|1|1")]
    public void Renditions_NotInTheListedForm_AreRefusedRatherThanGuessed(string packed) =>
        Should.Throw<FormatException>(() => ListedCollections.Renditions(packed));
}
