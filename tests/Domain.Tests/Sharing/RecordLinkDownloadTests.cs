using MediaVault.Domain.Sharing;
using MediaVault.Domain.Sharing.Rules;
using MediaVault.Domain.Tests.TestSupport;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;

namespace MediaVault.Domain.Tests.Sharing;

public sealed class RecordLinkDownloadTests
{
    private static readonly DateTimeOffset Now = Given.Now;

    [Test]
    public void RecordDownload_WhenLinkIsUsable_CountsOneDownload()
    {
        var link = Given.ALink(Given.AReadyAsset(), maxDownloads: 3);

        link.RecordDownload(Now);

        link.DownloadCount.ShouldBe(1);
        link.IsUsableAt(Now).ShouldBeTrue();
    }

    [Test]
    public void RecordDownload_WhenLinkIsUsable_RaisesLinkDownloadedByNobodyInParticular()
    {
        var asset = Given.AReadyAsset();
        var link = Given.ALink(asset);

        link.RecordDownload(Now);

        var downloaded = AssertRaised<LinkUsed>(link);
        downloaded.Use.ShouldBe(LinkUse.Downloaded);
        downloaded.AssetId.ShouldBe(asset.Id);
        downloaded.CollectionId.ShouldBeNull();
        downloaded.LinkId.ShouldBe(link.Id);
        downloaded.Count.ShouldBe(1);
        downloaded.OccurredAt.ShouldBe(Now);
    }

    [Test]
    public void RecordDownload_WhenStoreCountedOtherDownloadsMeanwhile_RecordsTheStoresCount()
    {
        var link = Given.ALink(Given.AReadyAsset(), maxDownloads: 5);

        link.RecordDownload(Now, countInStore: 3);

        link.DownloadCount.ShouldBe(3);
        AssertRaised<LinkUsed>(link).Count.ShouldBe(3);
    }

    [TestCase(0, null)]
    [TestCase(4, 3)]
    public void RecordDownload_WhenStoreCountIsNotAheadOrBeyondLimit_BreaksCountedDownloadMustStayWithinLimitRule(int countInStore, int? maxDownloads)
    {
        var link = Given.ALink(Given.AReadyAsset(), maxDownloads: maxDownloads);

        AssertBrokenRule<CountedDownloadMustStayWithinLimit>(() => link.RecordDownload(Now, countInStore));
        link.DownloadCount.ShouldBe(0);
        AssertNothingRaised(link);
    }

    [Test]
    public void RecordDownload_WhenLinkHasNoLimit_KeepsCounting()
    {
        const int downloads = 25;
        var link = Given.ALink(Given.AReadyAsset());

        for (var i = 0; i < downloads; i++)
        {
            link.RecordDownload(Now);
        }

        link.DownloadCount.ShouldBe(downloads);
        link.IsUsableAt(Now).ShouldBeTrue();
    }

    [Test]
    public void RecordDownload_WhenLimitIsReached_MakesLinkUnusable()
    {
        const int limit = 2;
        var link = Given.ALink(Given.AReadyAsset(), maxDownloads: limit);

        for (var i = 0; i < limit; i++)
        {
            link.IsUsableAt(Now).ShouldBeTrue();
            link.RecordDownload(Now);
        }

        link.DownloadCount.ShouldBe(limit);
        link.IsUsableAt(Now).ShouldBeFalse();
    }

    [Test]
    public void RecordDownload_WhenLinkIsUsedUp_BreaksLinkMustBeUsableRule()
    {
        var link = Given.ALink(Given.AReadyAsset(), maxDownloads: 1);
        link.RecordDownload(Now);

        AssertBrokenRule<LinkMustBeUsable>(() => link.RecordDownload(Now));
        link.DownloadCount.ShouldBe(1);
    }

    [Test]
    public void RecordDownload_WhenLinkHasExpired_BreaksLinkMustBeUsableRule()
    {
        var expiry = Now.AddDays(1);
        var link = Given.ALink(Given.AReadyAsset(), expiresAt: expiry);

        AssertBrokenRule<LinkMustBeUsable>(() => link.RecordDownload(expiry.AddSeconds(1)));
        link.DownloadCount.ShouldBe(0);
    }

    [Test]
    public void RecordDownload_AtExactlyLinkExpiry_BreaksLinkMustBeUsableRule()
    {
        var expiry = Now.AddDays(1);
        var link = Given.ALink(Given.AReadyAsset(), expiresAt: expiry);

        link.IsUsableAt(expiry.AddTicks(-1)).ShouldBeTrue();
        AssertBrokenRule<LinkMustBeUsable>(() => link.RecordDownload(expiry));
    }

    [Test]
    public void RecordDownload_WhenLinkIsRevoked_BreaksLinkMustBeUsableRule()
    {
        var asset = Given.AReadyAsset();
        var link = Given.ALink(asset);
        link.Revoke(asset.OwnerId, Given.OwnerCapabilities(asset), Now);

        AssertBrokenRule<LinkMustBeUsable>(() => link.RecordDownload(Now));
    }
}
