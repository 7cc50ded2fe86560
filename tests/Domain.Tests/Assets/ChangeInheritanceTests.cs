using MediaVault.Domain.Access;
using MediaVault.Domain.Assets.Events;
using MediaVault.Domain.Sharing.Rules;
using MediaVault.Domain.Tests.TestSupport;
using MediaVault.Domain.Users;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;

namespace MediaVault.Domain.Tests.Assets;

public sealed class ChangeInheritanceTests
{
    private static readonly DateTimeOffset Now = Given.Now;

    [Test]
    public void Register_WhenAssetIsNew_InheritsAccessFromItsCollections()
    {
        var asset = Given.APendingAsset(Given.AnOwner());

        asset.InheritsAccess.ShouldBeTrue();
        asset.AccessFacts.InheritsAccess.ShouldBeTrue();
    }

    [Test]
    public void ChangeInheritance_WhenOwnerTurnsItOff_CollectionAccessNoLongerReachesTheAsset()
    {
        var asset = Given.AReadyAsset();
        var person = UserId.New();
        AccessPath[] throughCollection = [new(AccessPathKind.CollectionGrant, AccessRole.Editor, AllowDownload: true)];

        asset.ChangeInheritance(asset.OwnerId, Given.OwnerCapabilities(asset), inheritsAccess: false, Now.AddMinutes(1));

        asset.InheritsAccess.ShouldBeFalse();
        asset.UpdatedAt.ShouldBe(Now.AddMinutes(1));
        AccessPolicy.Decide(asset.AccessFacts, person, throughCollection).Capabilities.ShouldBe(Capabilities.None);
        AssertRaised<AssetUpdated>(asset).ChangedFields.ShouldBe(["inheritsAccess"]);
    }

    [Test]
    public void ChangeInheritance_WhenOwnerTurnsItBackOn_CollectionAccessReachesTheAssetAgain()
    {
        var asset = Given.AReadyAsset();
        asset.ChangeInheritance(asset.OwnerId, Given.OwnerCapabilities(asset), inheritsAccess: false, Now);
        AccessPath[] throughCollection = [new(AccessPathKind.CollectionGrant, AccessRole.Viewer, AllowDownload: true)];

        asset.ChangeInheritance(asset.OwnerId, Given.OwnerCapabilities(asset), inheritsAccess: true, Now);

        AccessPolicy.Decide(asset.AccessFacts, UserId.New(), throughCollection).Capabilities.Role.ShouldBe(AccessRole.Viewer);
    }

    [Test]
    public void ChangeInheritance_WhenValueIsUnchanged_RaisesNothing()
    {
        var asset = Given.AReadyAsset();

        asset.ChangeInheritance(asset.OwnerId, Given.OwnerCapabilities(asset), inheritsAccess: true, Now.AddMinutes(1));

        AssertNothingRaised(asset);
        asset.UpdatedAt.ShouldBe(Now);
    }

    [TestCase(AccessRole.Manager)]
    [TestCase(AccessRole.Editor)]
    [TestCase(AccessRole.Viewer)]
    public void ChangeInheritance_WhenCallerIsAGrantee_BreaksOnlyOwnerChangesInheritanceRule(AccessRole role)
    {
        var asset = Given.AReadyAsset();
        var grantee = Given.AGrantee(asset, role);

        AssertBrokenRule<OnlyOwnerChangesInheritance>(
            () => asset.ChangeInheritance(grantee, Given.CapabilitiesOf(asset, grantee), inheritsAccess: false, Now));
        asset.InheritsAccess.ShouldBeTrue();
    }

    [Test]
    public void ChangeInheritance_WhenCallerIsStranger_BreaksOnlyOwnerChangesInheritanceRule()
    {
        var asset = Given.AReadyAsset();
        var stranger = UserId.New();

        AssertBrokenRule<OnlyOwnerChangesInheritance>(
            () => asset.ChangeInheritance(stranger, Given.CapabilitiesOf(asset, stranger), inheritsAccess: false, Now));
    }
}
