using MediaVault.Domain.Access;
using MediaVault.Domain.Assets.Events;
using MediaVault.Domain.Sharing;
using MediaVault.Domain.Sharing.Rules;
using MediaVault.Domain.Tests.TestSupport;
using MediaVault.Domain.Users;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;

namespace MediaVault.Domain.Tests.Assets;

public sealed class ChangeGrantTests
{
    private static readonly DateTimeOffset Now = Given.Now;

    [TestCase(AccessRole.Owner, AccessRole.Editor)]
    [TestCase(AccessRole.Owner, AccessRole.Manager)]
    [TestCase(AccessRole.Manager, AccessRole.Viewer)]
    [TestCase(AccessRole.Manager, AccessRole.Manager)]
    public void ChangeGrant_WhenOwnerOrManagerChangesRole_GranteeHoldsNewRole(AccessRole actorRole, AccessRole newRole)
    {
        var asset = Given.AReadyAsset();
        var actor = Given.APersonWithRole(asset, actorRole);
        var grantee = UserId.New();
        var grant = Given.AGrant(asset, grantee, newRole == AccessRole.Viewer ? AccessRole.Editor : AccessRole.Viewer);

        asset.ChangeGrant(GivenCollections.Alone(actor), Given.CapabilitiesOf(asset, actor), grant.Id, newRole, null, null, clearExpiry: false, Now);

        grant.Role.ShouldBe(newRole);
        Given.CapabilitiesOf(asset, grantee).Role.ShouldBe(newRole);
    }

    [Test]
    public void ChangeGrant_WhenGrantChanges_RaisesGrantUpdated()
    {
        var asset = Given.AReadyAsset();
        var grant = Given.AGrant(asset, UserId.New(), AccessRole.Viewer);
        var expiry = Now.AddDays(3);

        asset.ChangeGrant(GivenCollections.Alone(asset.OwnerId), Given.OwnerCapabilities(asset), grant.Id, AccessRole.Editor, null, expiry, clearExpiry: false, Now);

        var updated = AssertRaised<GrantUpdated>(asset);
        updated.AssetId.ShouldBe(asset.Id);
        updated.ActorId.ShouldBe(asset.OwnerId);
        updated.GrantId.ShouldBe(grant.Id);
        updated.GranteeId.ShouldBe(grant.GranteeId);
        updated.Role.ShouldBe(AccessRole.Editor);
        updated.ExpiresAt.ShouldBe(expiry);
    }

    [TestCase(AccessRole.Editor)]
    [TestCase(AccessRole.Viewer)]
    public void ChangeGrant_WhenCallerIsEditorOrViewer_BreaksOnlyOwnerOrManagerCanShareRule(AccessRole role)
    {
        var asset = Given.AReadyAsset();
        var caller = Given.AGrantee(asset, role);
        var grant = asset.ActiveGrantFor(caller, Now)!;

        AssertBrokenRule<OnlyOwnerOrManagerCanShare>(
            () => asset.ChangeGrant(GivenCollections.Alone(caller), Given.CapabilitiesOf(asset, caller), grant.Id, AccessRole.Manager, null, null, clearExpiry: false, Now));
        grant.Role.ShouldBe(role);
    }

    [Test]
    public void ChangeGrant_WhenManagerChangesOwnGrant_BreaksGranteeCannotChangeOwnGrantRule()
    {
        var asset = Given.AReadyAsset();
        var expiry = Now.AddDays(7);
        var manager = Given.AGrantee(asset, AccessRole.Manager, expiry);
        var grant = asset.ActiveGrantFor(manager, Now)!;

        AssertBrokenRule<GranteeCannotChangeOwnGrant>(
            () => asset.ChangeGrant(GivenCollections.Alone(manager), Given.CapabilitiesOf(asset, manager), grant.Id, null, null, null, clearExpiry: true, Now));
        grant.ExpiresAt.ShouldBe(expiry);
    }

    [Test]
    public void ChangeGrant_WhenAnotherManagerChangesAManagersGrant_Succeeds()
    {
        var asset = Given.AReadyAsset();
        var manager = Given.AGrantee(asset, AccessRole.Manager);
        var otherManager = UserId.New();
        var grant = Given.AGrant(asset, otherManager, AccessRole.Manager, Now.AddDays(1));

        asset.ChangeGrant(GivenCollections.Alone(manager), Given.CapabilitiesOf(asset, manager), grant.Id, AccessRole.Viewer, null, null, clearExpiry: true, Now);

        grant.Role.ShouldBe(AccessRole.Viewer);
        grant.ExpiresAt.ShouldBeNull();
    }

    [Test]
    public void ChangeGrant_WhenGrantIsRevoked_BreaksRevokedGrantCannotChangeRule()
    {
        var asset = Given.AReadyAsset();
        var owner = Given.OwnerCapabilities(asset);
        var grant = Given.AGrant(asset, UserId.New(), AccessRole.Viewer);
        asset.RevokeGrant(asset.OwnerId, owner, grant.Id, Now);

        AssertBrokenRule<RevokedGrantCannotChange>(
            () => asset.ChangeGrant(GivenCollections.Alone(asset.OwnerId), owner, grant.Id, AccessRole.Editor, null, null, clearExpiry: false, Now));
    }

    [Test]
    public void ChangeGrant_WhenRoleIsOwner_BreaksGrantRoleMustBeGrantableRule()
    {
        var asset = Given.AReadyAsset();
        var grant = Given.AGrant(asset, UserId.New(), AccessRole.Manager);

        AssertBrokenRule<GrantRoleMustBeGrantable>(
            () => asset.ChangeGrant(GivenCollections.Alone(asset.OwnerId), Given.OwnerCapabilities(asset), grant.Id, AccessRole.Owner, null, null, clearExpiry: false, Now));
    }

    [TestCase(0)]
    [TestCase(-60)]
    public void ChangeGrant_WhenNewExpiryIsNotInFuture_BreaksGrantExpiryMustBeInFutureRule(int secondsFromNow)
    {
        var asset = Given.AReadyAsset();
        var grant = Given.AGrant(asset, UserId.New(), AccessRole.Viewer);

        AssertBrokenRule<GrantExpiryMustBeInFuture>(
            () => asset.ChangeGrant(GivenCollections.Alone(asset.OwnerId), Given.OwnerCapabilities(asset), grant.Id, null, null, Now.AddSeconds(secondsFromNow), clearExpiry: false, Now));
        grant.ExpiresAt.ShouldBeNull();
    }

    [Test]
    public void ChangeGrant_WhenRoleAndExpiryAreOmitted_KeepsThem()
    {
        var asset = Given.AReadyAsset();
        var expiry = Now.AddDays(2);
        var grant = Given.AGrant(asset, UserId.New(), AccessRole.Editor, expiry);

        asset.ChangeGrant(GivenCollections.Alone(asset.OwnerId), Given.OwnerCapabilities(asset), grant.Id, null, null, null, clearExpiry: false, Now);

        grant.Role.ShouldBe(AccessRole.Editor);
        grant.ExpiresAt.ShouldBe(expiry);
    }

    [Test]
    public void ChangeGrant_WhenExpiryIsCleared_GrantNeverExpires()
    {
        var asset = Given.AReadyAsset();
        var expiry = Now.AddDays(2);
        var grantee = UserId.New();
        var grant = Given.AGrant(asset, grantee, AccessRole.Viewer, expiry);

        asset.ChangeGrant(GivenCollections.Alone(asset.OwnerId), Given.OwnerCapabilities(asset), grant.Id, null, null, null, clearExpiry: true, Now);

        grant.ExpiresAt.ShouldBeNull();
        AccessPolicy.Evaluate(asset, grantee, expiry.AddYears(10)).Role.ShouldBe(AccessRole.Viewer);
    }

    [Test]
    public void ChangeGrant_WhenExpiredGrantGetsFutureExpiry_ConfersItsRoleAgain()
    {
        var asset = Given.AReadyAsset();
        var expiry = Now.AddDays(1);
        var grantee = UserId.New();
        var grant = Given.AGrant(asset, grantee, AccessRole.Editor, expiry);
        var later = expiry.AddDays(1);

        asset.ChangeGrant(GivenCollections.Alone(asset.OwnerId), AccessPolicy.Evaluate(asset, asset.OwnerId, later), grant.Id, null, null, later.AddDays(7), clearExpiry: false, later);

        AccessPolicy.Evaluate(asset, grantee, later).Role.ShouldBe(AccessRole.Editor);
    }

    [Test]
    public void ChangeGrant_WhenGrantIsNotOneOfThisAssetsGrants_Throws()
    {
        var asset = Given.AReadyAsset();
        var other = Given.AReadyAsset();
        var othersGrant = Given.AGrant(other, UserId.New(), AccessRole.Viewer);

        Should.Throw<InvalidOperationException>(
            () => asset.ChangeGrant(GivenCollections.Alone(asset.OwnerId), Given.OwnerCapabilities(asset), othersGrant.Id, AccessRole.Editor, null, null, clearExpiry: false, Now));
        othersGrant.Role.ShouldBe(AccessRole.Viewer);
    }

    [Test]
    public void ChangeGrant_WhenGrantIdIsUnknown_Throws()
    {
        var asset = Given.AReadyAsset();

        Should.Throw<InvalidOperationException>(
            () => asset.ChangeGrant(GivenCollections.Alone(asset.OwnerId), Given.OwnerCapabilities(asset), GrantId.New(), AccessRole.Editor, null, null, clearExpiry: false, Now));
    }
}
