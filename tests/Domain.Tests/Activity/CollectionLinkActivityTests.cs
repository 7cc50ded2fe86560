using MediaVault.Domain.Activity;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Tests.TestSupport;

namespace MediaVault.Domain.Tests.Activity;

public sealed class CollectionLinkActivityTests
{
    [Test]
    public void RecordForAssetInCollection_WhenALinkHolderUsesAnAssetOfTheCollection_IsOneLineInBothActivitiesWithoutActor()
    {
        var assetId = AssetId.New();
        var collectionId = CollectionId.New();

        var entry = ActivityEntry.RecordForAssetInCollection(assetId, collectionId, null, "link.downloaded", """{"client":"203.0.113.0/24"}""", Given.Now);

        entry.AssetId.ShouldBe(assetId);
        entry.CollectionId.ShouldBe(collectionId);
        entry.ActorId.ShouldBeNull();
        entry.Action.ShouldBe("link.downloaded");
        entry.At.ShouldBe(Given.Now);
    }

    [Test]
    public void RecordForCollection_WhenAViewLinksListingIsSeen_BelongsToTheCollectionOnly()
    {
        var collectionId = CollectionId.New();

        var entry = ActivityEntry.RecordForCollection(collectionId, null, "link.viewed", "{}", Given.Now);

        entry.CollectionId.ShouldBe(collectionId);
        entry.AssetId.ShouldBeNull();
    }
}
