using MediaVault.Domain.Access;
using MediaVault.Domain.Assets.Events;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Sharing.Rules;
using MediaVault.Domain.Tests.TestSupport;
using MediaVault.Domain.Users;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;

namespace MediaVault.Domain.Tests.Assets;

/// <summary>Grants on an asset to a group, and view-only grants.</summary>
public sealed class ShareWithGroupTests
{
    private static readonly DateTimeOffset Now = Given.Now;

    [TestCase(AccessRole.Owner)]
    [TestCase(AccessRole.Manager)]
    public void ShareWith_WhenGranteeIsAGroup_GrantsTheGroupAndRaisesGrantCreatedNamingIt(AccessRole actorRole)
    {
        var asset = Given.AReadyAsset();
        var actor = Given.APersonWithRole(asset, actorRole);
        var group = GroupId.New();

        var grant = asset.ShareWith(actor, Given.CapabilitiesOf(asset, actor), Grantee.OfGroup(group), AccessRole.Editor, true, null, Now);

        grant.GroupId.ShouldBe(group);
        grant.GranteeId.ShouldBeNull();
        grant.Role.ShouldBe(AccessRole.Editor);
        var created = AssertRaised<GrantCreated>(asset);
        (created.GroupId, created.GranteeId, created.GrantId).ShouldBe((group, (UserId?)null, grant.Id));
    }

    [Test]
    public void ShareWith_WhenGroupAlreadyHoldsLiveGrant_BreaksOneActiveGrantPerGranteeRule()
    {
        var asset = Given.AReadyAsset();
        var group = Grantee.OfGroup(GroupId.New());
        asset.ShareWith(asset.OwnerId, Given.OwnerCapabilities(asset), group, AccessRole.Viewer, true, null, Now);

        AssertBrokenRule<OneActiveGrantPerGrantee>(
            () => asset.ShareWith(asset.OwnerId, Given.OwnerCapabilities(asset), group, AccessRole.Manager, true, null, Now));
        asset.Grants.Count.ShouldBe(1);
    }

    [Test]
    public void ShareWith_WhenGroupsPreviousGrantHasExpired_ClosesTheLapsedGrantAndGrantsAgain()
    {
        var asset = Given.AReadyAsset();
        var group = Grantee.OfGroup(GroupId.New());
        var expiry = Now.AddDays(1);
        var lapsed = asset.ShareWith(asset.OwnerId, Given.OwnerCapabilities(asset), group, AccessRole.Viewer, true, expiry, Now);
        var later = expiry.AddDays(1);

        var again = asset.ShareWith(asset.OwnerId, AccessPolicy.Evaluate(asset, asset.OwnerId, later), group, AccessRole.Editor, true, null, later);

        lapsed.IsRevoked.ShouldBeTrue();
        asset.Grants.Where(g => group.Holds(g) && !g.IsRevoked).ShouldBe([again]);
    }

    [Test]
    public void ShareWith_WhenAPersonAndAGroupEachHoldAGrant_KeepsBothSideBySide()
    {
        var asset = Given.AReadyAsset();
        var person = Given.AGrantee(asset, AccessRole.Viewer);

        var groupGrant = asset.ShareWith(asset.OwnerId, Given.OwnerCapabilities(asset), Grantee.OfGroup(GroupId.New()), AccessRole.Manager, true, null, Now);

        asset.Grants.Count.ShouldBe(2);
        asset.HasLiveGrant(Grantee.OfPerson(person), Now).ShouldBeTrue();
        asset.HasLiveGrant(groupGrant.Grantee, Now).ShouldBeTrue();
    }

    [Test]
    public void ShareWith_WhenDownloadIsNotAllowed_GranteeSeesTheAssetButCannotDownload()
    {
        var asset = Given.AReadyAsset();
        var person = UserId.New();

        var grant = asset.ShareWith(asset.OwnerId, Given.OwnerCapabilities(asset), Grantee.OfPerson(person), AccessRole.Editor, allowDownload: false, null, Now);

        grant.AllowDownload.ShouldBeFalse();
        AssertRaised<GrantCreated>(asset).AllowDownload.ShouldBeFalse();
        var capabilities = Given.CapabilitiesOf(asset, person);
        (capabilities.Role, capabilities.CanView, capabilities.CanEdit, capabilities.CanDownload).ShouldBe((AccessRole.Editor, true, true, false));
    }
}
