using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Sharing;
using MediaVault.Domain.Sharing.Rules;
using MediaVault.Domain.Tests.TestSupport;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;

namespace MediaVault.Domain.Tests.Sharing;

public sealed class UseCollectionLinkTests
{
    private static readonly DateTimeOffset Now = Given.Now;
    private readonly GivenCollections _given = GivenCollections.ACollectionWithViewerEditorAndManager();
    private readonly AssetId _asset = AssetId.New();

    [Test]
    public void IsUsableAt_WhenViewLinkIsOutOfDownloads_StaysUsableButGivesNoMoreDownloads()
    {
        var link = ALink(LinkKind.View, new LinkLimits(MaxDownloads: 1));

        link.RecordDownload(_asset, Now, countInStore: 1, client: null);

        link.IsUsableAt(Now).ShouldBeTrue();
        link.CanDownloadAt(Now).ShouldBeFalse();
    }

    [Test]
    public void IsUsableAt_WhenUploadLinkHasTakenMaxUploads_IsUsedUp()
    {
        var link = ALink(LinkKind.Upload, new LinkLimits(MaxUploads: 1));

        link.RecordUpload(AssetId.New(), Now, countInStore: 1, client: null);

        link.IsUsableAt(Now).ShouldBeFalse();
    }

    [Test]
    public void IsUsableAt_AtExactlyTheExpiryOfACollectionLink_IsNotUsable()
    {
        var expiry = Now.AddHours(1);
        var link = ALink(LinkKind.View, new LinkLimits(), expiry);

        link.IsUsableAt(expiry.AddTicks(-1)).ShouldBeTrue();
        link.IsUsableAt(expiry).ShouldBeFalse();
        link.CanDownloadAt(expiry).ShouldBeFalse();
    }

    [Test]
    public void CanDownloadAt_WhenViewLinkForbidsOriginals_IsFalseWhileTheLinkIsUsable()
    {
        var link = ALink(LinkKind.View, new LinkLimits(AllowDownload: false));

        link.IsUsableAt(Now).ShouldBeTrue();
        link.CanDownloadAt(Now).ShouldBeFalse();
    }

    [Test]
    public void RecordDownload_WhenViewLinkForbidsOriginals_BreaksLinkMustAllowDownloadRule()
    {
        var link = ALink(LinkKind.View, new LinkLimits(AllowDownload: false));

        AssertBrokenRule<LinkMustAllowDownload>(() => link.RecordDownload(_asset, Now, countInStore: 1, client: null));
        link.DownloadCount.ShouldBe(0);
        AssertNothingRaised(link);
    }

    [Test]
    public void RecordDownload_WhenViewLinkIsOutOfDownloads_BreaksLinkMustAllowDownloadRule()
    {
        var link = ALink(LinkKind.View, new LinkLimits(MaxDownloads: 1));
        link.RecordDownload(_asset, Now, countInStore: 1, client: null);

        AssertBrokenRule<LinkMustAllowDownload>(() => link.RecordDownload(_asset, Now, countInStore: 2, client: null));
        link.DownloadCount.ShouldBe(1);
    }

    [Test]
    public void RecordDownload_WhenUploadLink_BreaksLinkMustAllowDownloadRule()
    {
        var link = ALink(LinkKind.Upload, new LinkLimits());

        AssertBrokenRule<LinkMustAllowDownload>(() => link.RecordDownload(_asset, Now, countInStore: 1, client: null));
    }

    [Test]
    public void RecordDownload_WhenViewLinkHasDownloadsLeft_KeepsTheStoresCountAndRaisesLinkUsedOnTheAssetAndTheCollection()
    {
        var link = ALink(LinkKind.View, new LinkLimits(MaxDownloads: 5));

        link.RecordDownload(_asset, Now, countInStore: 3, client: "203.0.113.0/24");

        link.DownloadCount.ShouldBe(3);
        var used = AssertRaised<LinkUsed>(link);
        used.Use.ShouldBe(LinkUse.Downloaded);
        used.AssetId.ShouldBe(_asset);
        used.CollectionId.ShouldBe(_given.Collection.Id);
        used.Client.ShouldBe("203.0.113.0/24");
        used.Count.ShouldBe(3);
    }

    [Test]
    public void RecordDownload_WhenStoreCountIsBeyondTheViewLinksLimit_BreaksCountedDownloadMustStayWithinLimitRule()
    {
        var link = ALink(LinkKind.View, new LinkLimits(MaxDownloads: 2));

        AssertBrokenRule<CountedDownloadMustStayWithinLimit>(() => link.RecordDownload(_asset, Now, countInStore: 3, client: null));
        link.DownloadCount.ShouldBe(0);
    }

    [Test]
    public void RecordView_WhenAViewLinksListingIsSeen_RaisesLinkUsedOnTheCollectionOnly()
    {
        var link = ALink(LinkKind.View, new LinkLimits());

        link.RecordView(null, Now, "203.0.113.0/24");

        var used = AssertRaised<LinkUsed>(link);
        used.Use.ShouldBe(LinkUse.Viewed);
        used.AssetId.ShouldBeNull();
        used.CollectionId.ShouldBe(_given.Collection.Id);
        used.Client.ShouldBe("203.0.113.0/24");
        used.Count.ShouldBeNull();
        link.DownloadCount.ShouldBe(0);
    }

    [Test]
    public void RecordView_WhenARenditionIsSeenThroughAViewLink_RaisesLinkUsedOnTheAssetAndTheCollection()
    {
        var link = ALink(LinkKind.View, new LinkLimits(AllowDownload: false));

        link.RecordView(_asset, Now, null);

        var used = AssertRaised<LinkUsed>(link);
        used.AssetId.ShouldBe(_asset);
        used.CollectionId.ShouldBe(_given.Collection.Id);
    }

    [Test]
    public void RecordView_WhenAnAssetLinksPageIsSeen_RaisesLinkUsedOnItsAsset()
    {
        var asset = Given.AReadyAsset();
        var link = Given.ALink(asset);

        link.RecordView(null, Now, "2001:db8:85a3::/48");

        var used = AssertRaised<LinkUsed>(link);
        used.AssetId.ShouldBe(asset.Id);
        used.CollectionId.ShouldBeNull();
        used.Client.ShouldBe("2001:db8:85a3::/48");
    }

    [Test]
    public void RecordView_WhenLinkIsRevoked_BreaksLinkMustBeUsableRule()
    {
        var link = ALink(LinkKind.View, new LinkLimits());
        link.Revoke(_given.Collection, _given.Actor(AccessRole.Owner), Now);
        link.ClearDomainEvents();

        AssertBrokenRule<LinkMustBeUsable>(() => link.RecordView(null, Now, null));
        AssertNothingRaised(link);
    }

    [Test]
    public void RecordView_WhenLinkHasExpired_BreaksLinkMustBeUsableRule()
    {
        var expiry = Now.AddHours(1);
        var link = ALink(LinkKind.View, new LinkLimits(), expiry);

        AssertBrokenRule<LinkMustBeUsable>(() => link.RecordView(null, expiry, null));
    }

    private ShareLink ALink(LinkKind kind, LinkLimits limits, DateTimeOffset? expiresAt = null)
    {
        var link = ShareLink.ForCollection(_given.Collection, _given.Actor(AccessRole.Owner), kind, "token-hash", passwordHash: null, expiresAt, limits, Now);
        link.ClearDomainEvents();
        return link;
    }
}
