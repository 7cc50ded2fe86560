using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Tests.TestSupport;
using MediaVault.Domain.Users;

namespace MediaVault.Domain.Tests.Access;

/// <summary>
/// The list queries run <see cref="AccessPolicy.VisibleTo"/> and <see cref="AccessPolicy.SharedWith"/> as SQL; single
/// reads run <c>AccessPolicy.Evaluate</c> in memory. These tests compile the expressions and prove that both say the
/// same thing for every kind of caller, so there is one visibility rule, not two.
/// </summary>
public sealed class AccessPolicyQueryTests
{
    private static readonly DateTimeOffset Now = Given.Now;

    public enum Caller
    {
        Owner,
        OwnerOfPendingAsset,
        ActiveViewer,
        ActiveEditor,
        ActiveManager,
        GranteeWithFutureExpiry,
        GranteeWithExpiredGrant,
        GranteeAtExactExpiry,
        GranteeWithRevokedGrant,
        GranteeRegrantedAfterRevocation,
        GranteeOfPendingAsset,
        GranteeOfAnotherAsset,
        Stranger,
    }

    [Test]
    public void VisibleTo_ForEveryKindOfCaller_AgreesWithEvaluate([Values] Caller caller)
    {
        var (asset, person) = Arrange(caller);

        var visible = AccessPolicy.VisibleTo(person, Now).Compile()(asset);

        visible.ShouldBe(AccessPolicy.Evaluate(asset, person, Now).CanView, $"caller: {caller}");
    }

    [Test]
    public void SharedWith_ForEveryKindOfCaller_AgreesWithEvaluateForNonOwners([Values] Caller caller)
    {
        var (asset, person) = Arrange(caller);
        var capabilities = AccessPolicy.Evaluate(asset, person, Now);

        var shared = AccessPolicy.SharedWith(person, Now).Compile()(asset);

        shared.ShouldBe(capabilities.CanView && !capabilities.IsOwner, $"caller: {caller}");
    }

    [Test]
    public void OwnedBy_ForEveryKindOfCaller_IsTrueForTheOwnerOnly([Values] Caller caller)
    {
        var (asset, person) = Arrange(caller);

        var owned = AccessPolicy.OwnedBy(person).Compile()(asset);

        owned.ShouldBe(AccessPolicy.Evaluate(asset, person, Now).IsOwner, $"caller: {caller}");
    }

    [Test]
    public void VisibleTo_WhenAppliedAsAQuery_SelectsExactlyTheAssetsEvaluateLetsThePersonView()
    {
        var person = UserId.New();
        var owned = Given.APendingAsset(Given.AnOwner());
        var assets = new List<Asset> { Given.AReadyAsset(), Given.AReadyAsset(), Given.AReadyAsset(), Given.AReadyAsset() };
        Given.AGrant(assets[0], person, AccessRole.Viewer);
        Given.AGrant(assets[1], person, AccessRole.Editor, expiresAt: Now.AddMinutes(1));
        Given.AGrant(assets[2], person, AccessRole.Manager);
        assets[2].RevokeGrant(person, Given.CapabilitiesOf(assets[2], person), assets[2].Grants.Single().Id, Now);
        var later = Now.AddMinutes(1);

        var visible = assets.AsQueryable().Where(AccessPolicy.VisibleTo(person, later)).ToList();
        var mineOnly = new[] { owned }.AsQueryable().Where(AccessPolicy.VisibleTo(owned.OwnerId, later)).ToList();

        visible.ShouldBe(assets.Where(a => AccessPolicy.Evaluate(a, person, later).CanView));
        visible.ShouldBe([assets[0]]);
        mineOnly.ShouldBe([owned]);
    }

    private static (Asset Asset, UserId Person) Arrange(Caller caller)
    {
        var owner = Given.AnOwner();
        var asset = caller is Caller.OwnerOfPendingAsset or Caller.GranteeOfPendingAsset
            ? Given.APendingAsset(owner)
            : Given.AReadyAsset(owner);
        var person = UserId.New();
        switch (caller)
        {
            case Caller.Owner:
            case Caller.OwnerOfPendingAsset:
                return (asset, asset.OwnerId);
            case Caller.ActiveViewer:
            case Caller.GranteeOfPendingAsset:
                Given.AGrant(asset, person, AccessRole.Viewer);
                break;
            case Caller.ActiveEditor:
                Given.AGrant(asset, person, AccessRole.Editor);
                break;
            case Caller.ActiveManager:
                Given.AGrant(asset, person, AccessRole.Manager);
                break;
            case Caller.GranteeWithFutureExpiry:
                Given.AGrant(asset, person, AccessRole.Viewer, Now.AddTicks(1));
                break;
            case Caller.GranteeWithExpiredGrant:
            case Caller.GranteeAtExactExpiry:
                // A grant is made before "now" so that "now" can be at or past its expiry.
                var earlier = Now.AddDays(-2);
                var expiry = caller == Caller.GranteeAtExactExpiry ? Now : Now.AddDays(-1);
                asset.ShareWith(asset.OwnerId, AccessPolicy.Evaluate(asset, asset.OwnerId, earlier), person, AccessRole.Editor, expiry, earlier);
                break;
            case Caller.GranteeWithRevokedGrant:
                Given.AGrant(asset, person, AccessRole.Manager);
                asset.RevokeGrant(asset.OwnerId, Given.OwnerCapabilities(asset), asset.Grants.Single().Id, Now);
                break;
            case Caller.GranteeRegrantedAfterRevocation:
                Given.AGrant(asset, person, AccessRole.Manager);
                asset.RevokeGrant(asset.OwnerId, Given.OwnerCapabilities(asset), asset.Grants.Single().Id, Now);
                Given.AGrant(asset, person, AccessRole.Viewer);
                break;
            case Caller.GranteeOfAnotherAsset:
                Given.AGrant(Given.AReadyAsset(), person, AccessRole.Manager);
                break;
            case Caller.Stranger:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(caller), caller, null);
        }

        return (asset, person);
    }
}
