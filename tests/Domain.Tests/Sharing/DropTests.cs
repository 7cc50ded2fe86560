using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Events;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Collections.Events;
using MediaVault.Domain.Collections.Rules;
using MediaVault.Domain.Owners;
using MediaVault.Domain.Owners.Rules;
using MediaVault.Domain.Sharing;
using MediaVault.Domain.Sharing.Rules;
using MediaVault.Domain.Tests.TestSupport;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;

namespace MediaVault.Domain.Tests.Sharing;

/// <summary>Dropping a file through an upload link (<see cref="Asset.Drop"/>) and completing it (<see cref="Asset.CompleteDrop"/>).</summary>
public sealed class DropTests
{
    private const string UploadIdHash = "1f0e3dad99908345f7439f8ffabdffc4f0c7b0c1d1e5a3b2c4d6e8f0a1b2c3d4";
    private static readonly DateTimeOffset Later = Given.Now.AddMinutes(5);

    [Test]
    public void Drop_ThroughAUsableUploadLink_RegistersAPendingAssetOfTheCollectionOwnerOnTheirQuota()
    {
        var (owner, collection, link) = AnUploadLink();

        var asset = Drop(owner, collection, link);

        asset.OwnerId.ShouldBe(owner.Id);
        asset.Status.ShouldBe(AssetStatus.Pending);
        asset.Title.ShouldBe(Given.FileNameValue);
        asset.DropLinkId.ShouldBe(link.Id);
        asset.DropUploadHash.ShouldBe(UploadIdHash);
        owner.StorageReservedBytes.ShouldBe(Given.SizeBytes);
    }

    [Test]
    public void Drop_ThroughAUsableUploadLink_RaisesAssetRegisteredByNobodyWithTheLink()
    {
        var (owner, collection, link) = AnUploadLink();

        var asset = Drop(owner, collection, link);

        var registered = AssertRaised<AssetRegistered>(asset);
        registered.ActorId.ShouldBeNull();
        registered.LinkId.ShouldBe(link.Id);
    }

    [Test]
    public void Drop_WhenTheFileDoesNotFitTheOwnersQuota_BreaksTheQuotaRule()
    {
        var (owner, collection, link) = AnUploadLink(quotaBytes: Given.SizeBytes - 1);

        AssertBrokenRule<StorageQuotaMustNotBeExceeded>(() => Drop(owner, collection, link));
    }

    [TestCase("view link")]
    [TestCase("revoked")]
    [TestCase("expired")]
    [TestCase("used up")]
    public void Drop_ThroughALinkThatTakesNoUploadNow_BreaksDropNeedsUsableUploadLinkRule(string what)
    {
        var (owner, collection, link) = AnUploadLink(maxUploads: 1, kind: what == "view link" ? LinkKind.View : LinkKind.Upload);
        var now = Given.Now;
        switch (what)
        {
            case "revoked":
                link.Revoke(collection, GivenCollections.Alone(owner.Id), Given.Now);
                break;
            case "expired":
                now = link.ExpiresAt!.Value;
                break;
            case "used up":
                link.RecordUpload(AssetId.New(), Given.Now, 1, null);
                break;
        }

        AssertBrokenRule<DropNeedsUsableUploadLink>(() => Drop(owner, collection, link, now));
    }

    [Test]
    public void Drop_IntoAnotherCollectionThanTheLinks_BreaksDropGoesIntoTheLinksCollectionRule()
    {
        var (owner, _, link) = AnUploadLink();
        var other = Collection.Create("Other", null, owner.Id, Given.Now);

        AssertBrokenRule<DropGoesIntoTheLinksCollection>(() => Drop(owner, other, link));
    }

    [Test]
    public void Drop_ForSomebodyElseThanTheCollectionOwner_BreaksDroppedAssetBelongsToCollectionOwnerRule()
    {
        var (_, collection, link) = AnUploadLink();

        AssertBrokenRule<DroppedAssetBelongsToCollectionOwner>(() => Drop(Given.AnOwner(), collection, link));
    }

    [Test]
    public void CompleteDrop_ThroughItsLinkWithItsUploadId_MakesTheAssetReadyOnTheOwnersQuotaUploadedByNobody()
    {
        var (owner, collection, link) = AnUploadLink();
        var asset = Drop(owner, collection, link);
        asset.ClearDomainEvents();

        asset.CompleteDrop(owner, link, UploadIdHash, Given.SizeBytes, Given.ContentTypeValue, Later);

        asset.Status.ShouldBe(AssetStatus.Ready);
        (owner.StorageUsedBytes, owner.StorageReservedBytes).ShouldBe((Given.SizeBytes, 0L));
        AssertRaised<AssetUploaded>(asset).ActorId.ShouldBeNull();
    }

    [TestCase("another link")]
    [TestCase("another upload id")]
    [TestCase("completed already")]
    [TestCase("not dropped")]
    public void CompleteDrop_WithoutItsLinkAndPendingUploadId_BreaksDropUploadMustBeBoundToLinkRule(string what)
    {
        var (owner, collection, link) = AnUploadLink();
        var asset = what == "not dropped" ? Given.APendingAsset(owner) : Drop(owner, collection, link);
        var through = link;
        var hash = UploadIdHash;
        switch (what)
        {
            case "another link":
                through = ShareLink.ForCollection(collection, GivenCollections.Alone(owner.Id), LinkKind.Upload, "other", null, null, new LinkLimits(), Given.Now);
                break;
            case "another upload id":
                hash = new string('0', 64);
                break;
            case "completed already":
                asset.CompleteDrop(owner, link, UploadIdHash, Given.SizeBytes, Given.ContentTypeValue, Given.Now);
                break;
        }

        AssertBrokenRule<DropUploadMustBeBoundToLink>(() => asset.CompleteDrop(owner, through, hash, Given.SizeBytes, Given.ContentTypeValue, Later));
    }

    [Test]
    public void CompleteDrop_WhenTheLinkWasRevokedMeanwhile_BreaksDropNeedsUsableUploadLinkRule()
    {
        var (owner, collection, link) = AnUploadLink();
        var asset = Drop(owner, collection, link);
        link.Revoke(collection, GivenCollections.Alone(owner.Id), Given.Now);

        AssertBrokenRule<DropNeedsUsableUploadLink>(() => asset.CompleteDrop(owner, link, UploadIdHash, Given.SizeBytes, Given.ContentTypeValue, Later));
        asset.Status.ShouldBe(AssetStatus.Pending);
    }

    [Test]
    public void CompleteDrop_WhenTheStoredObjectDiffers_BreaksStoredObjectMustMatchDeclarationRule()
    {
        var (owner, collection, link) = AnUploadLink();
        var asset = Drop(owner, collection, link);

        AssertBrokenRule<Domain.Assets.Rules.StoredObjectMustMatchDeclaration>(
            () => asset.CompleteDrop(owner, link, UploadIdHash, Given.SizeBytes - 1, Given.ContentTypeValue, Later));
    }

    [Test]
    public void ReceiveDrop_OfACompletedDrop_AddsItToTheCollectionByNobody()
    {
        var (owner, collection, link) = AnUploadLink();
        var asset = CompletedDrop(owner, collection, link);

        collection.ReceiveDrop(link, asset, Later);

        collection.Entries.Select(e => e.AssetId).ShouldBe([asset.Id]);
        var added = AssertRaised<CollectionAssetAdded>(collection);
        (added.AssetId, added.ActorId).ShouldBe((asset.Id, null));
    }

    [Test]
    public void ReceiveDrop_WhenTheAssetIsAlreadyIn_ChangesNothing()
    {
        var (owner, collection, link) = AnUploadLink();
        var asset = CompletedDrop(owner, collection, link);
        collection.ReceiveDrop(link, asset, Later);
        collection.ClearDomainEvents();

        collection.ReceiveDrop(link, asset, Later);

        collection.Entries.Count.ShouldBe(1);
        AssertNothingRaised(collection);
    }

    [Test]
    public void ReceiveDrop_ThroughAnotherCollectionsLink_BreaksDropGoesIntoTheLinksCollectionRule()
    {
        var (owner, collection, link) = AnUploadLink();
        var asset = CompletedDrop(owner, collection, link);
        var other = Collection.Create("Other", null, owner.Id, Given.Now);

        AssertBrokenRule<DropGoesIntoTheLinksCollection>(() => other.ReceiveDrop(link, asset, Later));
    }

    [Test]
    public void ReceiveDrop_OfAnAssetOfSomebodyElse_BreaksDroppedAssetBelongsToCollectionOwnerRule()
    {
        var (_, collection, link) = AnUploadLink();

        AssertBrokenRule<DroppedAssetBelongsToCollectionOwner>(() => collection.ReceiveDrop(link, Given.AReadyAsset(), Later));
    }

    [Test]
    public void ReceiveDrop_OfAnAssetNotDroppedThroughTheLink_BreaksDroppedAssetMustComeThroughLinkRule()
    {
        var (owner, collection, link) = AnUploadLink();

        AssertBrokenRule<DroppedAssetMustComeThroughLink>(() => collection.ReceiveDrop(link, Given.AReadyAsset(owner), Later));
    }

    [Test]
    public void ReceiveDrop_OfADropStillPending_BreaksAddedAssetMustBeReadyRule()
    {
        var (owner, collection, link) = AnUploadLink();
        var asset = Drop(owner, collection, link);

        AssertBrokenRule<AddedAssetMustBeReady>(() => collection.ReceiveDrop(link, asset, Later));
    }

    [Test]
    public void RecordUpload_CountedByTheStore_TakesTheCountAndRaisesLinkUsedOnTheAssetAndCollection()
    {
        var (_, collection, link) = AnUploadLink(maxUploads: 2);
        var asset = AssetId.New();

        link.RecordUpload(asset, Later, 1, "192.0.2.0/24");

        link.UploadCount.ShouldBe(1);
        var used = AssertRaised<LinkUsed>(link);
        (used.Use, used.AssetId, used.CollectionId, used.Client, used.Count).ShouldBe((LinkUse.Uploaded, (AssetId?)asset, (CollectionId?)collection.Id, "192.0.2.0/24", (int?)1));
    }

    [Test]
    public void RecordUpload_OnALinkThatIsNotAnUploadLink_BreaksOnlyUploadLinksTakeUploadsRule()
    {
        var (_, _, link) = AnUploadLink(kind: LinkKind.View);

        AssertBrokenRule<OnlyUploadLinksTakeUploads>(() => link.RecordUpload(AssetId.New(), Later, 1, null));
    }

    [Test]
    public void RecordUpload_WhenTheLinkIsUsedUp_BreaksLinkMustBeUsableRule()
    {
        var (_, _, link) = AnUploadLink(maxUploads: 1);
        link.RecordUpload(AssetId.New(), Later, 1, null);

        AssertBrokenRule<LinkMustBeUsable>(() => link.RecordUpload(AssetId.New(), Later, 2, null));
    }

    [TestCase(0)]
    [TestCase(3)]
    public void RecordUpload_WithACountThatDoesNotMoveForwardWithinTheLimit_BreaksCountedDownloadMustStayWithinLimitRule(int countInStore)
    {
        var (_, _, link) = AnUploadLink(maxUploads: 2);

        AssertBrokenRule<CountedDownloadMustStayWithinLimit>(() => link.RecordUpload(AssetId.New(), Later, countInStore, null));
    }

    private static (Owner Owner, Collection Collection, ShareLink Link) AnUploadLink(long quotaBytes = Given.QuotaBytes, int? maxUploads = null, LinkKind kind = LinkKind.Upload)
    {
        var owner = Given.AnOwner(quotaBytes);
        var collection = Collection.Create("Drops", null, owner.Id, Given.Now);
        var limits = kind == LinkKind.Upload ? new LinkLimits(MaxUploads: maxUploads) : new LinkLimits();
        var link = ShareLink.ForCollection(collection, GivenCollections.Alone(owner.Id), kind, "token-hash", null, Given.Now.AddDays(1), limits, Given.Now);
        collection.ClearDomainEvents();
        link.ClearDomainEvents();
        return (owner, collection, link);
    }

    private static Asset Drop(Owner owner, Collection collection, ShareLink link, DateTimeOffset? now = null) =>
        Asset.Drop(
            collection, link, owner, UploadIdHash, FileName.Create(Given.FileNameValue), ContentType.Create(Given.ContentTypeValue), Given.SizeBytes,
            Given.MaxSizeBytes, Given.Now + Given.UploadWindow, now ?? Given.Now);

    private static Asset CompletedDrop(Owner owner, Collection collection, ShareLink link)
    {
        var asset = Drop(owner, collection, link);
        asset.CompleteDrop(owner, link, UploadIdHash, Given.SizeBytes, Given.ContentTypeValue, Given.Now);
        asset.ClearDomainEvents();
        return asset;
    }
}
