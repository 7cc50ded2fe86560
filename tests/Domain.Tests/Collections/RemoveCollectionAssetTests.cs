using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Collections.Events;
using MediaVault.Domain.Collections.Rules;
using MediaVault.Domain.Tests.TestSupport;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;
using static MediaVault.Domain.Tests.TestSupport.GivenCollections;

namespace MediaVault.Domain.Tests.Collections;

public sealed class RemoveCollectionAssetTests
{
    private static readonly DateTimeOffset Now = Given.Now;

    [TestCase(AccessRole.Owner)]
    [TestCase(AccessRole.Manager)]
    [TestCase(AccessRole.Editor)]
    public void RemoveAsset_WhenOwnerManagerOrEditorRemovesAnAsset_TakesItOutAndRaisesCollectionAssetRemoved(AccessRole role)
    {
        var given = ACollectionWithViewerEditorAndManager();
        var asset = AnAssetOf(given.Owner);
        given.Collection.AddAssets(Alone(given.Owner), [asset], Now);
        given.Collection.ClearDomainEvents();

        given.Collection.RemoveAsset(given.Actor(role), asset.Id, Now.AddHours(1));

        given.Collection.Entries.ShouldBeEmpty();
        given.Collection.UpdatedAt.ShouldBe(Now.AddHours(1));
        var removed = AssertRaised<CollectionAssetRemoved>(given.Collection);
        (removed.AssetId, removed.ActorId).ShouldBe((asset.Id, given.Person(role)));
    }

    [Test]
    public void RemoveAsset_WhenActorIsViewer_BreaksOnlyEditorsChangeCollectionRule()
    {
        var given = ACollectionWithViewerEditorAndManager();
        var asset = AnAssetOf(given.Owner);
        given.Collection.AddAssets(Alone(given.Owner), [asset], Now);

        AssertBrokenRule<OnlyEditorsChangeCollection>(() => given.Collection.RemoveAsset(given.Actor(AccessRole.Viewer), asset.Id, Now));
        given.Collection.Entries.Count.ShouldBe(1);
    }

    [Test]
    public void RemoveAsset_WhenActorIsStranger_BreaksOnlyGranteesSeeCollectionRule()
    {
        var given = ACollectionWithViewerEditorAndManager();

        AssertBrokenRule<OnlyGranteesSeeCollection>(() => given.Collection.RemoveAsset(given.Actor(null), AssetId.New(), Now));
    }

    [Test]
    public void RemoveAsset_WhenAssetIsNotInTheCollection_BreaksRemovedAssetMustBeInCollectionRule()
    {
        var given = ACollectionWithViewerEditorAndManager();

        AssertBrokenRule<RemovedAssetMustBeInCollection>(() => given.Collection.RemoveAsset(given.Actor(AccessRole.Editor), AssetId.New(), Now));
        AssertNothingRaised(given.Collection);
    }
}
