using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Media;
using MediaVault.Domain.Tests.TestSupport;
using MediaVault.Domain.Users;

namespace MediaVault.Domain.Tests.Access;

public sealed class AccessPolicyTests
{
    private static readonly DateTimeOffset Now = Given.Now;

    [Test]
    public void Evaluate_WhenCallerIsOwner_GivesEverything()
    {
        var asset = Given.AReadyAsset();

        var capabilities = AccessPolicy.Evaluate(asset, asset.OwnerId, Now);

        capabilities.Role.ShouldBe(AccessRole.Owner);
        capabilities.IsOwner.ShouldBeTrue();
        (capabilities.Role, capabilities.CanView, capabilities.CanDownload, capabilities.CanEdit, capabilities.CanShare, capabilities.CanDelete).ShouldBe((AccessRole.Owner, true, true, true, true, true));
    }

    [Test]
    public void Evaluate_WhenCallerIsOwnerOfPendingAsset_GivesEverythingButDownload()
    {
        var asset = Given.APendingAsset(Given.AnOwner());

        var capabilities = AccessPolicy.Evaluate(asset, asset.OwnerId, Now);

        capabilities.Role.ShouldBe(AccessRole.Owner);
        capabilities.CanView.ShouldBeTrue();
        capabilities.CanDownload.ShouldBeFalse();
        capabilities.CanDelete.ShouldBeTrue();
    }

    [Test]
    public void Evaluate_WhenCallerIsStranger_GivesNothing()
    {
        var asset = Given.AReadyAsset();

        var capabilities = AccessPolicy.Evaluate(asset, UserId.New(), Now);

        capabilities.ShouldBe(Capabilities.None);
        capabilities.Role.ShouldBeNull();
        capabilities.CanView.ShouldBeFalse();
    }

    [Test]
    public void Evaluate_WhenCallerIsAnAdministratorWithoutGrant_GivesNothingLikeAnyStranger()
    {
        // The domain knows no administrators: an administrator is just another person, and a person
        // without a grant is a stranger to someone else's asset.
        var asset = Given.AReadyAsset();
        Given.AGrantee(asset, AccessRole.Manager);
        var administrator = UserId.New();

        var capabilities = AccessPolicy.Evaluate(asset, administrator, Now);

        capabilities.ShouldBe(Capabilities.None);
    }

    [TestCase(AccessRole.Viewer)]
    [TestCase(AccessRole.Editor)]
    [TestCase(AccessRole.Manager)]
    public void Evaluate_WhenGrantIsActive_GivesItsRole(AccessRole role)
    {
        var asset = Given.AReadyAsset();
        var grantee = Given.AGrantee(asset, role);

        var capabilities = AccessPolicy.Evaluate(asset, grantee, Now);

        capabilities.Role.ShouldBe(role);
        capabilities.CanView.ShouldBeTrue();
        capabilities.CanDownload.ShouldBeTrue();
        capabilities.CanDelete.ShouldBeFalse();
    }

    [Test]
    public void Evaluate_WhenGrantHasExpired_GivesNothing()
    {
        var asset = Given.AReadyAsset();
        var expiry = Now.AddDays(1);
        var grantee = Given.AGrantee(asset, AccessRole.Manager, expiry);

        var capabilities = AccessPolicy.Evaluate(asset, grantee, expiry.AddSeconds(1));

        capabilities.ShouldBe(Capabilities.None);
    }

    [Test]
    public void Evaluate_AtExactlyGrantExpiry_GivesNothing()
    {
        var asset = Given.AReadyAsset();
        var expiry = Now.AddDays(1);
        var grantee = Given.AGrantee(asset, AccessRole.Editor, expiry);

        var capabilities = AccessPolicy.Evaluate(asset, grantee, expiry);

        capabilities.ShouldBe(Capabilities.None);
    }

    [Test]
    public void Evaluate_JustBeforeGrantExpiry_GivesItsRole()
    {
        var asset = Given.AReadyAsset();
        var expiry = Now.AddDays(1);
        var grantee = Given.AGrantee(asset, AccessRole.Editor, expiry);

        var capabilities = AccessPolicy.Evaluate(asset, grantee, expiry.AddTicks(-1));

        capabilities.Role.ShouldBe(AccessRole.Editor);
    }

    [Test]
    public void Evaluate_WhenGrantIsRevoked_GivesNothing()
    {
        var asset = Given.AReadyAsset();
        var grantee = Given.AGrantee(asset, AccessRole.Manager);
        asset.RevokeGrant(asset.OwnerId, Given.OwnerCapabilities(asset), asset.Grants.Single().Id, Now);

        var capabilities = AccessPolicy.Evaluate(asset, grantee, Now);

        capabilities.ShouldBe(Capabilities.None);
    }

    [TestCase(AccessRole.Viewer)]
    [TestCase(AccessRole.Manager)]
    public void Evaluate_WhenAssetIsPending_HidesItFromGrantees(AccessRole role)
    {
        var asset = Given.APendingAsset(Given.AnOwner());
        var grantee = Given.AGrantee(asset, role);

        var capabilities = AccessPolicy.Evaluate(asset, grantee, Now);

        capabilities.ShouldBe(Capabilities.None);
    }

    [Test]
    public void Evaluate_WhenGrantIsOnAnotherAsset_GivesNothing()
    {
        var shared = Given.AReadyAsset();
        var other = Given.AReadyAsset();
        var grantee = Given.AGrantee(shared, AccessRole.Manager);

        var capabilities = AccessPolicy.Evaluate(other, grantee, Now);

        capabilities.ShouldBe(Capabilities.None);
    }

    [Test]
    public void Evaluate_WhenOwnerOfOneAssetLooksAtAnother_GivesNothing()
    {
        var mine = Given.AReadyAsset();
        var theirs = Given.AReadyAsset();

        var capabilities = AccessPolicy.Evaluate(theirs, mine.OwnerId, Now);

        capabilities.ShouldBe(Capabilities.None);
    }

    [TestCase(AccessRole.Viewer, AssetStatus.Ready)]
    [TestCase(AccessRole.Manager, AssetStatus.Ready)]
    [TestCase(AccessRole.Editor, AssetStatus.Pending)]
    [TestCase(null, AssetStatus.Ready)]
    public void Decide_FromProjectedPaths_AgreesWithEvaluateOfTheAsset(AccessRole? grantedRole, AssetStatus status)
    {
        var owner = Given.AnOwner();
        var asset = status == AssetStatus.Ready ? Given.AReadyAsset(owner) : Given.APendingAsset(owner);
        var person = grantedRole is { } role ? Given.AGrantee(asset, role) : UserId.New();
        AccessPath[] paths = asset.ActiveGrantFor(person, Now) is { } grant ? [new AccessPath(AccessPathKind.Grant, grant.Role, grant.AllowDownload)] : [];

        var fromFacts = AccessPolicy.Decide(asset.AccessFacts, person, paths).Capabilities;
        var ownersFromFacts = AccessPolicy.Decide(asset.AccessFacts, asset.OwnerId, []).Capabilities;

        fromFacts.ShouldBe(AccessPolicy.Evaluate(asset, person, Now));
        ownersFromFacts.ShouldBe(AccessPolicy.Evaluate(asset, asset.OwnerId, Now));
    }

    [Test]
    public void Decide_WhenAPathClaimsOwnershipForANonOwner_GivesNothing()
    {
        var facts = new AssetAccessFacts(UserId.New(), AssetStatus.Ready, AssetIntegrity.Verified, InheritsAccess: true, IsTrashed: false);

        var capabilities = AccessPolicy.Decide(facts, UserId.New(), [new AccessPath(AccessPathKind.Grant, AccessRole.Owner, true)]).Capabilities;

        capabilities.ShouldBe(Capabilities.None);
    }
}
