using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Events;
using MediaVault.Domain.Assets.Rules;
using MediaVault.Domain.Tests.TestSupport;
using MediaVault.Domain.Users;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;

namespace MediaVault.Domain.Tests.Assets;

public sealed class DeleteTests
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    [Test]
    public void Delete_WhenOwnerDeletesReadyAsset_MovesItToTheTrashAndKeepsItsBytesUsed()
    {
        var owner = Given.AnOwner();
        var asset = Given.AReadyAsset(owner);

        var deletion = asset.Delete(owner, Given.OwnerCapabilities(asset), Retention, Given.Now);

        deletion.ShouldBe(AssetDeletion.MovedToTrash);
        asset.DeletedAt.ShouldBe(Given.Now);
        asset.PurgeAt.ShouldBe(Given.Now + Retention);
        owner.StorageUsedBytes.ShouldBe(asset.SizeBytes);
    }

    [Test]
    public void Delete_WhenOwnerDeletesReadyAsset_HidesItFromEveryoneItsOwnerIncluded()
    {
        var owner = Given.AnOwner();
        var asset = Given.AReadyAsset(owner);
        var grantee = Given.AGrantee(asset, AccessRole.Manager);

        asset.Delete(owner, Given.OwnerCapabilities(asset), Retention, Given.Now);

        Given.CapabilitiesOf(asset, owner.Id).ShouldBe(Capabilities.None);
        Given.CapabilitiesOf(asset, grantee).ShouldBe(Capabilities.None);
        AccessPolicy.IsShareable(asset.AccessFacts).ShouldBeFalse();
    }

    [Test]
    public void Delete_WhenOwnerDeletesPendingAsset_GivesReservedBytesBack()
    {
        var owner = Given.AnOwner();
        var asset = Given.APendingAsset(owner);

        var deletion = asset.Delete(owner, Given.OwnerCapabilities(asset), Retention, Given.Now);

        deletion.ShouldBe(AssetDeletion.Removed);
        owner.StorageReservedBytes.ShouldBe(0);
        owner.StorageUsedBytes.ShouldBe(0);
        owner.StorageAvailableBytes.ShouldBe(owner.StorageQuotaBytes);
    }

    [Test]
    public void Delete_WhenOwnerDeletes_RaisesAssetDeletedNamingStoredObject()
    {
        var owner = Given.AnOwner();
        var asset = Given.AReadyAsset(owner);

        asset.Delete(owner, Given.OwnerCapabilities(asset), Retention, Given.Now);

        var deleted = AssertRaised<AssetDeleted>(asset);
        deleted.AssetId.ShouldBe(asset.Id);
        deleted.ActorId.ShouldBe(owner.Id);
        deleted.StorageKey.ShouldBe(asset.StorageKey);
        deleted.OccurredAt.ShouldBe(Given.Now);
    }

    [TestCase(AccessRole.Manager)]
    [TestCase(AccessRole.Editor)]
    [TestCase(AccessRole.Viewer)]
    public void Delete_WhenCallerIsGrantee_BreaksOnlyOwnerCanDeleteAssetRule(AccessRole role)
    {
        var owner = Given.AnOwner();
        var asset = Given.AReadyAsset(owner);
        var grantee = Given.AGrantee(asset, role);

        AssertBrokenRule<OnlyOwnerCanDeleteAsset>(() => asset.Delete(owner, Given.CapabilitiesOf(asset, grantee), Retention, Given.Now));
        owner.StorageUsedBytes.ShouldBe(asset.SizeBytes);
        asset.IsTrashed.ShouldBeFalse();
    }

    [Test]
    public void Delete_WhenCallerIsStranger_BreaksOnlyOwnerCanDeleteAssetRule()
    {
        var owner = Given.AnOwner();
        var asset = Given.AReadyAsset(owner);

        AssertBrokenRule<OnlyOwnerCanDeleteAsset>(() => asset.Delete(owner, Given.CapabilitiesOf(asset, UserId.New()), Retention, Given.Now));
    }
}
