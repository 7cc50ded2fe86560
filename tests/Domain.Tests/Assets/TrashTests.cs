using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Events;
using MediaVault.Domain.Assets.Rules;
using MediaVault.Domain.Owners;
using MediaVault.Domain.Tests.TestSupport;
using MediaVault.Domain.Users;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;

namespace MediaVault.Domain.Tests.Assets;

public sealed class TrashTests
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    [Test]
    public void Restore_WhenOwnerRestoresBeforeThePurge_BringsTheAssetBackWithItsGrants()
    {
        var (owner, asset) = Trashed();
        var grantee = asset.Grants.Single().GranteeId!.Value;

        asset.Restore(owner.Id, Given.Now.AddDays(1));

        asset.IsTrashed.ShouldBeFalse();
        asset.PurgeAt.ShouldBeNull();
        Given.CapabilitiesOf(asset, owner.Id).IsOwner.ShouldBeTrue();
        Given.CapabilitiesOf(asset, grantee).CanView.ShouldBeTrue();
        AssertRaised<AssetRestored>(asset).ActorId.ShouldBe(owner.Id);
    }

    [Test]
    public void Restore_WhenCallerIsNotTheOwner_BreaksOnlyOwnerManagesTrashRule()
    {
        var (_, asset) = Trashed();

        AssertBrokenRule<OnlyOwnerManagesTrash>(() => asset.Restore(UserId.New(), Given.Now.AddDays(1)));
    }

    [Test]
    public void Restore_WhenThePurgeIsDueOrTheAssetIsNotTrashed_BreaksAssetMustBeRestorableRule()
    {
        var (owner, asset) = Trashed();
        var notTrashed = Given.AReadyAsset(owner);

        AssertBrokenRule<AssetMustBeRestorable>(() => asset.Restore(owner.Id, Given.Now + Retention));
        AssertBrokenRule<AssetMustBeRestorable>(() => notTrashed.Restore(owner.Id, Given.Now));
    }

    [Test]
    public void RequestPurge_WhenOwnerAsks_MakesThePurgeDueNowAndTheAssetNoLongerRestorable()
    {
        var (owner, asset) = Trashed();
        var at = Given.Now.AddDays(2);

        asset.RequestPurge(owner.Id, at);

        asset.PurgeAt.ShouldBe(at);
        AssertBrokenRule<AssetMustBeRestorable>(() => asset.Restore(owner.Id, at));
        AssertBrokenRule<OnlyOwnerManagesTrash>(() => asset.RequestPurge(UserId.New(), at));
    }

    [Test]
    public void Purge_WhenDue_GivesUsedBytesBackAndRaisesAssetPurged()
    {
        var (owner, asset) = Trashed();
        var at = Given.Now + Retention;

        asset.StartPurge(at);
        asset.Purge(owner, null, at);

        owner.StorageUsedBytes.ShouldBe(0);
        var purged = AssertRaised<AssetPurged>(asset);
        purged.ActorId.ShouldBeNull();
        purged.StorageKey.ShouldBe(asset.StorageKey);
    }

    [Test]
    public void Purge_WhenNotDueOrNotTrashed_BreaksPurgeMustBeDueRule()
    {
        var (owner, asset) = Trashed();
        var notTrashed = Given.AReadyAsset(owner);

        AssertBrokenRule<PurgeMustBeDue>(() => asset.StartPurge(Given.Now.AddDays(1)));
        AssertBrokenRule<PurgeMustBeDue>(() => asset.Purge(owner, null, Given.Now.AddDays(1)));
        AssertBrokenRule<PurgeMustBeDue>(() => notTrashed.StartPurge(Given.Now + Retention));
        owner.StorageUsedBytes.ShouldBe(2 * asset.SizeBytes);
    }

    private static (Owner Owner, Asset Asset) Trashed()
    {
        var owner = Given.AnOwner();
        var asset = Given.AReadyAsset(owner);
        Given.AGrantee(asset, AccessRole.Viewer);
        asset.Delete(owner, Given.OwnerCapabilities(asset), Retention, Given.Now);
        asset.ClearDomainEvents();
        return (owner, asset);
    }
}
