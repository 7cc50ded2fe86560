using MediaVault.Domain.Access;
using MediaVault.Domain.Collections.Events;
using MediaVault.Domain.Collections.Rules;
using MediaVault.Domain.Sharing;
using MediaVault.Domain.Sharing.Rules;
using MediaVault.Domain.Tests.TestSupport;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;

namespace MediaVault.Domain.Tests.Sharing;

public sealed class OpenCollectionLinkTests
{
    private static readonly DateTimeOffset Now = Given.Now;
    private readonly GivenCollections _given = GivenCollections.ACollectionWithViewerEditorAndManager();

    [TestCase(AccessRole.Owner)]
    [TestCase(AccessRole.Manager)]
    public void ForCollection_WhenOwnerOrManagerOpensAViewLink_OpensItAndRaisesCollectionLinkCreated(AccessRole role)
    {
        var expiry = Now.AddDays(3);

        var link = Open(role, LinkKind.View, new LinkLimits(MaxDownloads: 5, AllowDownload: false), expiry);

        link.Kind.ShouldBe(LinkKind.View);
        link.CollectionId.ShouldBe(_given.Collection.Id);
        link.AssetId.ShouldBeNull();
        link.MaxDownloads.ShouldBe(5);
        link.AllowDownload.ShouldBeFalse();
        link.ExpiresAt.ShouldBe(expiry);
        link.CreatedBy.ShouldBe(_given.Person(role));
        var created = AssertRaised<CollectionLinkCreated>(link);
        created.CollectionId.ShouldBe(_given.Collection.Id);
        created.LinkId.ShouldBe(link.Id);
        created.Kind.ShouldBe(LinkKind.View);
        created.ActorId.ShouldBe(_given.Person(role));
    }

    [Test]
    public void ForCollection_WhenAnUploadLinkIsOpened_TakesMaxUploadsAndNeverGivesDownloads()
    {
        var link = Open(AccessRole.Owner, LinkKind.Upload, new LinkLimits(MaxUploads: 10));

        link.MaxUploads.ShouldBe(10);
        link.UploadCount.ShouldBe(0);
        link.AllowDownload.ShouldBeFalse();
        link.CanDownloadAt(Now).ShouldBeFalse();
        link.IsUsableAt(Now).ShouldBeTrue();
    }

    [TestCase(AccessRole.Editor)]
    [TestCase(AccessRole.Viewer)]
    public void ForCollection_WhenActorIsEditorOrViewer_BreaksOnlyManagersShareCollectionRule(AccessRole role)
    {
        AssertBrokenRule<OnlyManagersShareCollection>(() => Open(role, LinkKind.View, new LinkLimits()));
    }

    [Test]
    public void ForCollection_WhenActorIsStranger_BreaksOnlyGranteesSeeCollectionRule()
    {
        AssertBrokenRule<OnlyGranteesSeeCollection>(() => Open(null, LinkKind.View, new LinkLimits()));
    }

    [Test]
    public void ForCollection_WhenKindIsAsset_BreaksCollectionLinkIsViewOrUploadRule()
    {
        AssertBrokenRule<CollectionLinkIsViewOrUpload>(() => Open(AccessRole.Owner, LinkKind.Asset, new LinkLimits()));
    }

    [Test]
    public void ForCollection_WhenViewLinkHasMaxUploads_BreaksLinkLimitsMustFitKindRuleNamingMaxUploads()
    {
        var rule = AssertBrokenRule<LinkLimitsMustFitKind>(() => Open(AccessRole.Owner, LinkKind.View, new LinkLimits(MaxUploads: 3)));

        rule.Field.ShouldBe("maxUploads");
    }

    [TestCase(3, null, "maxDownloads")]
    [TestCase(null, true, "allowDownload")]
    [TestCase(null, false, "allowDownload")]
    public void ForCollection_WhenUploadLinkHasMaxDownloadsOrAllowDownload_BreaksLinkLimitsMustFitKindRuleNamingIt(int? maxDownloads, bool? allowDownload, string field)
    {
        var rule = AssertBrokenRule<LinkLimitsMustFitKind>(
            () => Open(AccessRole.Owner, LinkKind.Upload, new LinkLimits(MaxDownloads: maxDownloads, AllowDownload: allowDownload)));

        rule.Field.ShouldBe(field);
    }

    [TestCase(0)]
    [TestCase(-60)]
    public void ForCollection_WhenExpiryIsNotInFuture_BreaksLinkExpiryMustBeInFutureRule(int seconds)
    {
        AssertBrokenRule<LinkExpiryMustBeInFuture>(() => Open(AccessRole.Owner, LinkKind.View, new LinkLimits(), Now.AddSeconds(seconds)));
    }

    [Test]
    public void ForCollection_WhenDownloadLimitIsBelowOne_BreaksLinkDownloadLimitMustBePositiveRule()
    {
        AssertBrokenRule<LinkDownloadLimitMustBePositive>(() => Open(AccessRole.Owner, LinkKind.View, new LinkLimits(MaxDownloads: 0)));
    }

    [Test]
    public void ForCollection_WhenUploadLimitIsBelowOne_BreaksLinkUploadLimitMustBePositiveRule()
    {
        AssertBrokenRule<LinkUploadLimitMustBePositive>(() => Open(AccessRole.Owner, LinkKind.Upload, new LinkLimits(MaxUploads: 0)));
    }

    private ShareLink Open(AccessRole? role, LinkKind kind, LinkLimits limits, DateTimeOffset? expiresAt = null) =>
        ShareLink.ForCollection(_given.Collection, _given.Actor(role), kind, "token-hash", passwordHash: null, expiresAt, limits, Now);
}
