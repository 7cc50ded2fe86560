using MediaVault.Domain.Access;
using MediaVault.Domain.Assets.Events;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Tests.TestSupport;
using MediaVault.Domain.Users;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;

namespace MediaVault.Domain.Tests.Assets;

/// <summary>Changing whether a grant allows downloading the original (view-only sharing), and changing group grants.</summary>
public sealed class ChangeGrantDownloadTests
{
    private static readonly DateTimeOffset Now = Given.Now;

    [TestCase(AccessRole.Owner)]
    [TestCase(AccessRole.Manager)]
    public void ChangeGrant_WhenDownloadIsTurnedOff_GranteeStillSeesButCannotDownload(AccessRole actorRole)
    {
        var asset = Given.AReadyAsset();
        var actor = Given.APersonWithRole(asset, actorRole);
        var grantee = UserId.New();
        var grant = Given.AGrant(asset, grantee, AccessRole.Viewer);

        asset.ChangeGrant(GivenCollections.Alone(actor), Given.CapabilitiesOf(asset, actor), grant.Id, null, allowDownload: false, null, clearExpiry: false, Now);

        grant.AllowDownload.ShouldBeFalse();
        grant.Role.ShouldBe(AccessRole.Viewer);
        AssertRaised<GrantUpdated>(asset).AllowDownload.ShouldBeFalse();
        var capabilities = Given.CapabilitiesOf(asset, grantee);
        (capabilities.CanView, capabilities.CanDownload).ShouldBe((true, false));
    }

    [Test]
    public void ChangeGrant_WhenDownloadIsTurnedBackOn_GranteeMayDownloadAgain()
    {
        var asset = Given.AReadyAsset();
        var grantee = UserId.New();
        var grant = asset.ShareWith(asset.OwnerId, Given.OwnerCapabilities(asset), Grantee.OfPerson(grantee), AccessRole.Viewer, allowDownload: false, null, Now);

        asset.ChangeGrant(GivenCollections.Alone(asset.OwnerId), Given.OwnerCapabilities(asset), grant.Id, null, allowDownload: true, null, clearExpiry: false, Now);

        Given.CapabilitiesOf(asset, grantee).CanDownload.ShouldBeTrue();
    }

    [Test]
    public void ChangeGrant_WhenDownloadIsOmitted_KeepsIt()
    {
        var asset = Given.AReadyAsset();
        var grant = asset.ShareWith(asset.OwnerId, Given.OwnerCapabilities(asset), Grantee.OfPerson(UserId.New()), AccessRole.Viewer, allowDownload: false, null, Now);

        asset.ChangeGrant(GivenCollections.Alone(asset.OwnerId), Given.OwnerCapabilities(asset), grant.Id, AccessRole.Editor, allowDownload: null, null, clearExpiry: false, Now);

        (grant.Role, grant.AllowDownload).ShouldBe((AccessRole.Editor, false));
    }

    [Test]
    public void ChangeGrant_WhenGrantIsToAGroup_ChangesItAndRaisesGrantUpdatedNamingTheGroup()
    {
        var asset = Given.AReadyAsset();
        var manager = Given.AGrantee(asset, AccessRole.Manager);
        var group = GroupId.New();
        var grant = asset.ShareWith(asset.OwnerId, Given.OwnerCapabilities(asset), Grantee.OfGroup(group), AccessRole.Viewer, true, null, Now);
        asset.ClearDomainEvents();

        asset.ChangeGrant(GivenCollections.Alone(manager), Given.CapabilitiesOf(asset, manager), grant.Id, AccessRole.Editor, false, null, clearExpiry: false, Now);

        (grant.Role, grant.AllowDownload).ShouldBe((AccessRole.Editor, false));
        var updated = AssertRaised<GrantUpdated>(asset);
        (updated.GroupId, updated.GranteeId).ShouldBe((group, (UserId?)null));
    }
}
