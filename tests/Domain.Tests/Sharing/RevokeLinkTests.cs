using MediaVault.Domain.Access;
using MediaVault.Domain.Assets.Events;
using MediaVault.Domain.Sharing.Rules;
using MediaVault.Domain.Tests.TestSupport;
using MediaVault.Domain.Users;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;

namespace MediaVault.Domain.Tests.Sharing;

public sealed class RevokeLinkTests
{
    private static readonly DateTimeOffset Now = Given.Now;

    [TestCase(AccessRole.Owner)]
    [TestCase(AccessRole.Manager)]
    public void Revoke_WhenOwnerOrManagerRevokes_LinkStopsWorkingAtOnce(AccessRole role)
    {
        var asset = Given.AReadyAsset();
        var link = Given.ALink(asset);
        var actor = Given.APersonWithRole(asset, role);

        link.Revoke(actor, Given.CapabilitiesOf(asset, actor), Now);

        link.RevokedAt.ShouldBe(Now);
        link.IsUsableAt(Now).ShouldBeFalse();
    }

    [Test]
    public void Revoke_WhenLinkIsRevoked_RaisesLinkRevoked()
    {
        var asset = Given.AReadyAsset();
        var link = Given.ALink(asset);

        link.Revoke(asset.OwnerId, Given.OwnerCapabilities(asset), Now);

        var revoked = AssertRaised<LinkRevoked>(link);
        revoked.AssetId.ShouldBe(asset.Id);
        revoked.ActorId.ShouldBe(asset.OwnerId);
        revoked.LinkId.ShouldBe(link.Id);
        revoked.OccurredAt.ShouldBe(Now);
    }

    [TestCase(AccessRole.Editor)]
    [TestCase(AccessRole.Viewer)]
    public void Revoke_WhenCallerIsEditorOrViewer_BreaksOnlyOwnerOrManagerCanShareRule(AccessRole role)
    {
        var asset = Given.AReadyAsset();
        var link = Given.ALink(asset);
        var caller = Given.AGrantee(asset, role);

        AssertBrokenRule<OnlyOwnerOrManagerCanShare>(() => link.Revoke(caller, Given.CapabilitiesOf(asset, caller), Now));
        link.IsUsableAt(Now).ShouldBeTrue();
    }

    [Test]
    public void Revoke_WhenCallerIsStranger_BreaksOnlyOwnerOrManagerCanShareRule()
    {
        var asset = Given.AReadyAsset();
        var link = Given.ALink(asset);
        var stranger = UserId.New();

        AssertBrokenRule<OnlyOwnerOrManagerCanShare>(() => link.Revoke(stranger, Given.CapabilitiesOf(asset, stranger), Now));
    }

    [Test]
    public void Revoke_WhenLinkIsAlreadyRevoked_ChangesNothing()
    {
        var asset = Given.AReadyAsset();
        var link = Given.ALink(asset);
        link.Revoke(asset.OwnerId, Given.OwnerCapabilities(asset), Now);
        link.ClearDomainEvents();

        link.Revoke(asset.OwnerId, Given.OwnerCapabilities(asset), Now.AddHours(1));

        link.RevokedAt.ShouldBe(Now);
        AssertNothingRaised(link);
    }
}
