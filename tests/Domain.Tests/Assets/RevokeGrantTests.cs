using MediaVault.Domain.Access;
using MediaVault.Domain.Assets.Events;
using MediaVault.Domain.Sharing.Rules;
using MediaVault.Domain.Tests.TestSupport;
using MediaVault.Domain.Users;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;

namespace MediaVault.Domain.Tests.Assets;

public sealed class RevokeGrantTests
{
    private static readonly DateTimeOffset Now = Given.Now;

    [TestCase(AccessRole.Owner)]
    [TestCase(AccessRole.Manager)]
    public void RevokeGrant_WhenOwnerOrManagerRevokes_GranteeLosesAccessAtOnce(AccessRole actorRole)
    {
        var asset = Given.AReadyAsset();
        var actor = Given.APersonWithRole(asset, actorRole);
        var grantee = UserId.New();
        var grant = Given.AGrant(asset, grantee, AccessRole.Editor);

        asset.RevokeGrant(actor, Given.CapabilitiesOf(asset, actor), grant.Id, Now);

        grant.IsRevoked.ShouldBeTrue();
        grant.RevokedBy.ShouldBe(actor);
        grant.RevokedAt.ShouldBe(Now);
        Given.CapabilitiesOf(asset, grantee).ShouldBe(Capabilities.None);
    }

    [TestCase(AccessRole.Viewer)]
    [TestCase(AccessRole.Editor)]
    [TestCase(AccessRole.Manager)]
    public void RevokeGrant_WhenGranteeLeaves_GranteeLosesAccess(AccessRole role)
    {
        var asset = Given.AReadyAsset();
        var grantee = Given.AGrantee(asset, role);
        var grant = asset.ActiveGrantFor(grantee, Now)!;

        asset.RevokeGrant(grantee, Given.CapabilitiesOf(asset, grantee), grant.Id, Now);

        grant.RevokedBy.ShouldBe(grantee);
        Given.CapabilitiesOf(asset, grantee).ShouldBe(Capabilities.None);
    }

    [Test]
    public void RevokeGrant_WhenGranteeLeavesAfterGrantExpired_IsAllowed()
    {
        var asset = Given.AReadyAsset();
        var expiry = Now.AddDays(1);
        var grantee = Given.AGrantee(asset, AccessRole.Viewer, expiry);
        var grant = asset.Grants.Single();
        var later = expiry.AddDays(1);

        asset.RevokeGrant(grantee, AccessPolicy.Evaluate(asset, grantee, later), grant.Id, later);

        grant.IsRevoked.ShouldBeTrue();
    }

    [TestCase(AccessRole.Editor)]
    [TestCase(AccessRole.Viewer)]
    public void RevokeGrant_WhenEditorOrViewerRevokesSomeoneElse_BreaksOnlyOwnerManagerOrGranteeCanRevokeGrantRule(AccessRole role)
    {
        var asset = Given.AReadyAsset();
        var caller = Given.AGrantee(asset, role);
        var otherGrant = Given.AGrant(asset, UserId.New(), AccessRole.Viewer);

        AssertBrokenRule<OnlyOwnerManagerOrGranteeCanRevokeGrant>(
            () => asset.RevokeGrant(caller, Given.CapabilitiesOf(asset, caller), otherGrant.Id, Now));
        otherGrant.IsRevoked.ShouldBeFalse();
    }

    [Test]
    public void RevokeGrant_WhenStrangerRevokes_BreaksOnlyOwnerManagerOrGranteeCanRevokeGrantRule()
    {
        var asset = Given.AReadyAsset();
        var grant = Given.AGrant(asset, UserId.New(), AccessRole.Viewer);
        var stranger = UserId.New();

        AssertBrokenRule<OnlyOwnerManagerOrGranteeCanRevokeGrant>(
            () => asset.RevokeGrant(stranger, Given.CapabilitiesOf(asset, stranger), grant.Id, Now));
    }

    [Test]
    public void RevokeGrant_WhenGrantIsRevoked_RaisesGrantRevoked()
    {
        var asset = Given.AReadyAsset();
        var grant = Given.AGrant(asset, UserId.New(), AccessRole.Viewer);

        asset.RevokeGrant(asset.OwnerId, Given.OwnerCapabilities(asset), grant.Id, Now);

        var revoked = AssertRaised<GrantRevoked>(asset);
        revoked.AssetId.ShouldBe(asset.Id);
        revoked.ActorId.ShouldBe(asset.OwnerId);
        revoked.GrantId.ShouldBe(grant.Id);
        revoked.GranteeId.ShouldBe(grant.GranteeId);
        revoked.OccurredAt.ShouldBe(Now);
    }

    [Test]
    public void RevokeGrant_WhenGrantIsAlreadyRevoked_ChangesNothing()
    {
        var asset = Given.AReadyAsset();
        var owner = Given.OwnerCapabilities(asset);
        var grant = Given.AGrant(asset, UserId.New(), AccessRole.Viewer);
        asset.RevokeGrant(asset.OwnerId, owner, grant.Id, Now);
        asset.ClearDomainEvents();

        asset.RevokeGrant(asset.OwnerId, owner, grant.Id, Now.AddHours(1));

        grant.RevokedAt.ShouldBe(Now);
        AssertNothingRaised(asset);
    }
}
