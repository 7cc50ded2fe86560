using MediaVault.Domain.Access;
using MediaVault.Domain.Assets.Events;
using MediaVault.Domain.Sharing.Rules;
using MediaVault.Domain.Tests.TestSupport;
using MediaVault.Domain.Users;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;

namespace MediaVault.Domain.Tests.Assets;

public sealed class ShareWithTests
{
    private static readonly DateTimeOffset Now = Given.Now;

    [TestCase(AccessRole.Viewer)]
    [TestCase(AccessRole.Editor)]
    [TestCase(AccessRole.Manager)]
    public void ShareWith_WhenOwnerGrantsRole_GivesGranteeThatRole(AccessRole role)
    {
        var asset = Given.AReadyAsset();
        var grantee = UserId.New();

        var grant = asset.ShareWith(asset.OwnerId, Given.OwnerCapabilities(asset), Grantee.OfPerson(grantee), role, true, null, Now);

        grant.GranteeId.ShouldBe(grantee);
        grant.AssetId.ShouldBe(asset.Id);
        grant.Role.ShouldBe(role);
        grant.CreatedBy.ShouldBe(asset.OwnerId);
        asset.Grants.ShouldContain(grant);
        Given.CapabilitiesOf(asset, grantee).Role.ShouldBe(role);
    }

    [Test]
    public void ShareWith_WhenGrantIsCreated_RaisesGrantCreated()
    {
        var asset = Given.AReadyAsset();
        var grantee = UserId.New();
        var expiry = Now.AddDays(7);

        var grant = asset.ShareWith(asset.OwnerId, Given.OwnerCapabilities(asset), Grantee.OfPerson(grantee), AccessRole.Editor, true, expiry, Now);

        var created = AssertRaised<GrantCreated>(asset);
        created.AssetId.ShouldBe(asset.Id);
        created.ActorId.ShouldBe(asset.OwnerId);
        created.GrantId.ShouldBe(grant.Id);
        created.GranteeId.ShouldBe(grantee);
        created.Role.ShouldBe(AccessRole.Editor);
        created.ExpiresAt.ShouldBe(expiry);
        created.OccurredAt.ShouldBe(Now);
    }

    [TestCase(AccessRole.Viewer)]
    [TestCase(AccessRole.Editor)]
    [TestCase(AccessRole.Manager)]
    public void ShareWith_WhenManagerGrantsAnyGrantableRole_Succeeds(AccessRole role)
    {
        var asset = Given.AReadyAsset();
        var manager = Given.AGrantee(asset, AccessRole.Manager);
        var grantee = UserId.New();

        var grant = asset.ShareWith(manager, Given.CapabilitiesOf(asset, manager), Grantee.OfPerson(grantee), role, true, null, Now);

        grant.Role.ShouldBe(role);
        grant.CreatedBy.ShouldBe(manager);
        Given.CapabilitiesOf(asset, grantee).Role.ShouldBe(role);
    }

    [TestCase(AccessRole.Editor)]
    [TestCase(AccessRole.Viewer)]
    public void ShareWith_WhenCallerIsEditorOrViewer_BreaksOnlyOwnerOrManagerCanShareRule(AccessRole role)
    {
        var asset = Given.AReadyAsset();
        var grantee = Given.AGrantee(asset, role);

        AssertBrokenRule<OnlyOwnerOrManagerCanShare>(
            () => asset.ShareWith(grantee, Given.CapabilitiesOf(asset, grantee), Grantee.OfPerson(UserId.New()), AccessRole.Viewer, true, null, Now));
    }

    [Test]
    public void ShareWith_WhenCallerIsStranger_BreaksOnlyOwnerOrManagerCanShareRule()
    {
        var asset = Given.AReadyAsset();
        var stranger = UserId.New();

        AssertBrokenRule<OnlyOwnerOrManagerCanShare>(
            () => asset.ShareWith(stranger, Given.CapabilitiesOf(asset, stranger), Grantee.OfPerson(UserId.New()), AccessRole.Viewer, true, null, Now));
        asset.Grants.ShouldBeEmpty();
    }

    [Test]
    public void ShareWith_WhenGranteeIsOwner_BreaksGrantCannotTargetOwnerRule()
    {
        var asset = Given.AReadyAsset();

        AssertBrokenRule<GrantCannotTargetOwner>(
            () => asset.ShareWith(asset.OwnerId, Given.OwnerCapabilities(asset), Grantee.OfPerson(asset.OwnerId), AccessRole.Viewer, true, null, Now));
    }

    [Test]
    public void ShareWith_WhenManagerGrantsToOwner_BreaksGrantCannotTargetOwnerRule()
    {
        var asset = Given.AReadyAsset();
        var manager = Given.AGrantee(asset, AccessRole.Manager);

        AssertBrokenRule<GrantCannotTargetOwner>(
            () => asset.ShareWith(manager, Given.CapabilitiesOf(asset, manager), Grantee.OfPerson(asset.OwnerId), AccessRole.Manager, true, null, Now));
    }

    [Test]
    public void ShareWith_WhenRoleIsOwner_BreaksGrantRoleMustBeGrantableRule()
    {
        var asset = Given.AReadyAsset();

        AssertBrokenRule<GrantRoleMustBeGrantable>(
            () => asset.ShareWith(asset.OwnerId, Given.OwnerCapabilities(asset), Grantee.OfPerson(UserId.New()), AccessRole.Owner, true, null, Now));
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void ShareWith_WhenExpiryIsNotInFuture_BreaksGrantExpiryMustBeInFutureRule(int secondsFromNow)
    {
        var asset = Given.AReadyAsset();

        AssertBrokenRule<GrantExpiryMustBeInFuture>(
            () => asset.ShareWith(asset.OwnerId, Given.OwnerCapabilities(asset), Grantee.OfPerson(UserId.New()), AccessRole.Viewer, true, Now.AddSeconds(secondsFromNow), Now));
    }

    [Test]
    public void ShareWith_WhenExpiryIsGivenInAnotherOffset_KeepsTheSameInstantInUtc()
    {
        var asset = Given.AReadyAsset();
        var expiry = new DateTimeOffset(2025, 6, 3, 11, 0, 0, TimeSpan.FromHours(2));

        var grant = asset.ShareWith(asset.OwnerId, Given.OwnerCapabilities(asset), Grantee.OfPerson(UserId.New()), AccessRole.Viewer, true, expiry, Now);

        grant.ExpiresAt.ShouldBe(expiry);
        grant.ExpiresAt!.Value.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Test]
    public void ShareWith_WhenGranteeAlreadyHoldsActiveGrant_BreaksOneActiveGrantPerGranteeRule()
    {
        var asset = Given.AReadyAsset();
        var grantee = Given.AGrantee(asset, AccessRole.Viewer);

        AssertBrokenRule<OneActiveGrantPerGrantee>(
            () => asset.ShareWith(asset.OwnerId, Given.OwnerCapabilities(asset), Grantee.OfPerson(grantee), AccessRole.Editor, true, null, Now));
        asset.Grants.Count.ShouldBe(1);
    }

    [Test]
    public void ShareWith_WhenPreviousGrantHasExpired_GrantsAgain()
    {
        var asset = Given.AReadyAsset();
        var expiry = Now.AddDays(1);
        var grantee = Given.AGrantee(asset, AccessRole.Viewer, expiry);
        var later = expiry.AddDays(1);

        var grant = asset.ShareWith(asset.OwnerId, AccessPolicy.Evaluate(asset, asset.OwnerId, later), Grantee.OfPerson(grantee), AccessRole.Editor, true, null, later);

        AccessPolicy.Evaluate(asset, grantee, later).Role.ShouldBe(AccessRole.Editor);
        asset.ActiveGrantFor(grantee, later).ShouldBe(grant);
    }

    [Test]
    public void ShareWith_WhenPreviousGrantHasExpired_ClosesTheLapsedGrantSoOnlyOneStandsPerPerson()
    {
        var asset = Given.AReadyAsset();
        var expiry = Now.AddDays(1);
        var grantee = Given.AGrantee(asset, AccessRole.Viewer, expiry);
        var lapsed = asset.Grants.Single();
        var later = expiry.AddDays(1);

        asset.ShareWith(asset.OwnerId, AccessPolicy.Evaluate(asset, asset.OwnerId, later), Grantee.OfPerson(grantee), AccessRole.Editor, true, null, later);

        lapsed.IsRevoked.ShouldBeTrue();
        lapsed.RevokedAt.ShouldBe(later);
        asset.Grants.Count(g => g.GranteeId == grantee && !g.IsRevoked).ShouldBe(1);
    }

    [Test]
    public void ShareWith_WhenPreviousGrantWasRevoked_GrantsAgain()
    {
        var asset = Given.AReadyAsset();
        var owner = Given.OwnerCapabilities(asset);
        var grantee = Given.AGrantee(asset, AccessRole.Viewer);
        asset.RevokeGrant(asset.OwnerId, owner, asset.Grants.Single().Id, Now);

        var grant = asset.ShareWith(asset.OwnerId, owner, Grantee.OfPerson(grantee), AccessRole.Manager, true, null, Now);

        Given.CapabilitiesOf(asset, grantee).Role.ShouldBe(AccessRole.Manager);
        asset.ActiveGrantFor(grantee, Now).ShouldBe(grant);
    }

    [Test]
    public void ShareWith_WhenAssetIsPending_GrantWaitsUntilAssetIsReady()
    {
        var owner = Given.AnOwner();
        var asset = Given.APendingAsset(owner);
        var grantee = UserId.New();

        asset.ShareWith(asset.OwnerId, Given.OwnerCapabilities(asset), Grantee.OfPerson(grantee), AccessRole.Viewer, true, null, Now);
        var whilePending = Given.CapabilitiesOf(asset, grantee);
        asset.CompleteUpload(owner, Given.OwnerCapabilities(asset), Given.SizeBytes, Given.ContentTypeValue, Now);

        whilePending.ShouldBe(Capabilities.None);
        Given.CapabilitiesOf(asset, grantee).Role.ShouldBe(AccessRole.Viewer);
    }
}
