using MediaVault.Domain.Access;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Collections.Events;
using MediaVault.Domain.Collections.Rules;
using MediaVault.Domain.Tests.TestSupport;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;
using static MediaVault.Domain.Tests.TestSupport.GivenCollections;

namespace MediaVault.Domain.Tests.Collections;

public sealed class AddCollectionAssetsTests
{
    private static readonly DateTimeOffset Now = Given.Now;

    [TestCase(AccessRole.Owner)]
    [TestCase(AccessRole.Manager)]
    [TestCase(AccessRole.Editor)]
    public void AddAssets_WhenOwnerManagerOrEditorAddsAssetsItMayShare_AddsThemAndRaisesCollectionAssetAdded(AccessRole role)
    {
        var given = ACollectionWithViewerEditorAndManager();
        var actor = given.Person(role);
        AssetToAdd[] assets = [AnAssetOf(actor), AnAssetOf(actor)];

        var (added, present) = given.Collection.AddAssets(Alone(actor), assets, Now);

        added.ShouldBe(assets.Select(a => a.Id));
        present.ShouldBeEmpty();
        given.Collection.Entries.Select(e => e.AssetId).ShouldBe(assets.Select(a => a.Id), ignoreOrder: true);
        given.Collection.DomainEvents.OfType<CollectionAssetAdded>().Select(e => e.AssetId).ShouldBe(assets.Select(a => a.Id));
        given.Collection.UpdatedAt.ShouldBe(Now);
    }

    [Test]
    public void AddAssets_WhenAssetIsAdded_EntryKeepsTheAssetsCreationInstantAndWhoAddedIt()
    {
        var given = ACollectionWithViewerEditorAndManager();
        var asset = AnAssetOf(given.Owner);

        given.Collection.AddAssets(Alone(given.Owner), [asset], Now.AddHours(1));

        var entry = given.Collection.Entries.Single();
        (entry.CollectionId, entry.AssetId, entry.AssetCreatedAt, entry.AddedAt, entry.AddedBy)
            .ShouldBe((given.Collection.Id, asset.Id, asset.CreatedAt, Now.AddHours(1), given.Owner));
    }

    [Test]
    public void AddAssets_WhenAManagerOfSomeoneElsesAssetAddsIt_AddsIt()
    {
        var given = ACollectionWithViewerEditorAndManager();
        var asset = Given.AReadyAsset();
        var editor = given.Person(AccessRole.Editor);
        Given.AGrant(asset, editor, AccessRole.Manager);

        var (added, _) = given.Collection.AddAssets(Alone(editor), [ToAdd(asset, editor)], Now);

        added.ShouldBe([asset.Id]);
    }

    [Test]
    public void AddAssets_WhenAnAssetIsAlreadyPresent_ReportsItAndAddsOnlyTheOthers()
    {
        var given = ACollectionWithViewerEditorAndManager();
        var first = AnAssetOf(given.Owner);
        given.Collection.AddAssets(Alone(given.Owner), [first], Now);
        given.Collection.ClearDomainEvents();
        var second = AnAssetOf(given.Owner);

        var (added, present) = given.Collection.AddAssets(Alone(given.Owner), [first, second], Now);

        added.ShouldBe([second.Id]);
        present.ShouldBe([first.Id]);
        given.Collection.Entries.Count.ShouldBe(2);
        AssertRaised<CollectionAssetAdded>(given.Collection).AssetId.ShouldBe(second.Id);
    }

    [Test]
    public void AddAssets_WhenTheSameAssetIsListedTwice_AddsItOnce()
    {
        var given = ACollectionWithViewerEditorAndManager();
        var asset = AnAssetOf(given.Owner);

        var (added, present) = given.Collection.AddAssets(Alone(given.Owner), [asset, asset], Now);

        added.ShouldBe([asset.Id]);
        present.ShouldBeEmpty();
        given.Collection.Entries.Count.ShouldBe(1);
    }

    [Test]
    public void AddAssets_WhenEverythingIsAlreadyPresent_ChangesNothing()
    {
        var given = ACollectionWithViewerEditorAndManager();
        var asset = AnAssetOf(given.Owner);
        given.Collection.AddAssets(Alone(given.Owner), [asset], Now);
        given.Collection.ClearDomainEvents();

        var (added, present) = given.Collection.AddAssets(Alone(given.Owner), [asset], Now.AddHours(1));

        added.ShouldBeEmpty();
        present.ShouldBe([asset.Id]);
        AssertNothingRaised(given.Collection);
        given.Collection.UpdatedAt.ShouldBe(Now);
    }

    [Test]
    public void AddAssets_WhenActorIsViewer_BreaksOnlyEditorsChangeCollectionRule()
    {
        var given = ACollectionWithViewerEditorAndManager();
        var viewer = given.Person(AccessRole.Viewer);

        AssertBrokenRule<OnlyEditorsChangeCollection>(() => given.Collection.AddAssets(Alone(viewer), [AnAssetOf(viewer)], Now));
        given.Collection.Entries.ShouldBeEmpty();
    }

    [Test]
    public void AddAssets_WhenActorIsStranger_BreaksOnlyGranteesSeeCollectionRule()
    {
        var given = ACollectionWithViewerEditorAndManager();

        AssertBrokenRule<OnlyGranteesSeeCollection>(() => given.Collection.AddAssets(Alone(given.Stranger), [AnAssetOf(given.Stranger)], Now));
    }

    [Test]
    public void AddAssets_WhenOneAssetIsInvisibleToTheActor_BreaksAddedAssetMustBeVisibleRuleAndAddsNothing()
    {
        var given = ACollectionWithViewerEditorAndManager();
        var mine = AnAssetOf(given.Owner);
        var someoneElses = ToAdd(Given.AReadyAsset(), given.Owner);

        AssertBrokenRule<AddedAssetMustBeVisible>(() => given.Collection.AddAssets(Alone(given.Owner), [mine, someoneElses], Now));
        given.Collection.Entries.ShouldBeEmpty();
        AssertNothingRaised(given.Collection);
    }

    [TestCase(AccessRole.Editor)]
    [TestCase(AccessRole.Viewer)]
    public void AddAssets_WhenActorSeesAnAssetButCannotShareIt_BreaksAddedAssetMustBeShareableRuleAndAddsNothing(AccessRole roleOnAsset)
    {
        var given = ACollectionWithViewerEditorAndManager();
        var asset = Given.AReadyAsset();
        Given.AGrant(asset, given.Owner, roleOnAsset);

        AssertBrokenRule<AddedAssetMustBeShareable>(
            () => given.Collection.AddAssets(Alone(given.Owner), [AnAssetOf(given.Owner), ToAdd(asset, given.Owner)], Now));
        given.Collection.Entries.ShouldBeEmpty();
    }

    [Test]
    public void AddAssets_WhenOwnAssetIsPending_BreaksAddedAssetMustBeReadyRuleAndAddsNothing()
    {
        var given = ACollectionWithViewerEditorAndManager();
        var pending = Given.APendingAsset(global::MediaVault.Domain.Owners.Owner.Open(given.Owner, Given.QuotaBytes, Now));

        AssertBrokenRule<AddedAssetMustBeReady>(
            () => given.Collection.AddAssets(Alone(given.Owner), [AnAssetOf(given.Owner), ToAdd(pending, given.Owner)], Now));
        given.Collection.Entries.ShouldBeEmpty();
    }

    [Test]
    public void AddAssets_WhenSeveralRulesAreBroken_ReportsInvisibleBeforeNotShareableBeforePending()
    {
        var given = ACollectionWithViewerEditorAndManager();
        var owner = given.Owner;
        var pending = ToAdd(Given.APendingAsset(global::MediaVault.Domain.Owners.Owner.Open(owner, Given.QuotaBytes, Now)), owner);
        var viewable = Given.AReadyAsset();
        Given.AGrant(viewable, owner, AccessRole.Viewer);
        var notShareable = ToAdd(viewable, owner);
        var invisible = ToAdd(Given.AReadyAsset(), owner);

        AssertBrokenRule<AddedAssetMustBeVisible>(() => given.Collection.AddAssets(Alone(owner), [pending, notShareable, invisible], Now));
        AssertBrokenRule<AddedAssetMustBeShareable>(() => given.Collection.AddAssets(Alone(owner), [pending, notShareable], Now));
    }

    [Test]
    public void AddAssets_WhenSomeoneElsesAssetIsPending_BreaksAddedAssetMustBeVisibleRule()
    {
        var given = ACollectionWithViewerEditorAndManager();
        var pending = Given.APendingAsset(Given.AnOwner());
        var manager = given.Person(AccessRole.Manager);
        Given.AGrant(pending, manager, AccessRole.Manager);

        AssertBrokenRule<AddedAssetMustBeVisible>(() => given.Collection.AddAssets(Alone(manager), [ToAdd(pending, manager)], Now));
    }
}
