using MediaVault.Domain.Access;
using MediaVault.Domain.Collections.Events;
using MediaVault.Domain.Collections.Rules;
using MediaVault.Domain.Tests.TestSupport;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;
using static MediaVault.Domain.Tests.TestSupport.GivenCollections;

namespace MediaVault.Domain.Tests.Collections;

public sealed class DescribeCollectionTests
{
    private static readonly DateTimeOffset Now = Given.Now;

    [TestCase(AccessRole.Owner)]
    [TestCase(AccessRole.Manager)]
    [TestCase(AccessRole.Editor)]
    public void Describe_WhenOwnerManagerOrEditor_RenamesAndRaisesCollectionUpdated(AccessRole role)
    {
        var given = ACollectionWithViewerEditorAndManager();

        given.Collection.Describe(given.Actor(role), " Winter ", "Snow", Now);

        (given.Collection.Name, given.Collection.Description).ShouldBe(("Winter", "Snow"));
        given.Collection.UpdatedAt.ShouldBe(Now);
        var updated = AssertRaised<CollectionUpdated>(given.Collection);
        updated.ActorId.ShouldBe(given.Person(role));
        updated.ChangedFields.ShouldBe(["name", "description"]);
    }

    [Test]
    public void Describe_WhenDescriptionIsBlankAndNameOmitted_RemovesDescriptionAndKeepsName()
    {
        var given = ACollectionWithViewerEditorAndManager();

        given.Collection.Describe(given.Actor(AccessRole.Owner), null, "  ", Now);

        (given.Collection.Name, given.Collection.Description).ShouldBe(("Summer 2025", (string?)null));
    }

    [Test]
    public void Describe_WhenNothingChanges_RaisesNothing()
    {
        var given = ACollectionWithViewerEditorAndManager();
        var before = given.Collection.UpdatedAt;

        given.Collection.Describe(given.Actor(AccessRole.Owner), "Summer 2025", "The beach", Now);

        AssertNothingRaised(given.Collection);
        given.Collection.UpdatedAt.ShouldBe(before);
    }

    [Test]
    public void Describe_WhenActorIsViewer_BreaksOnlyEditorsChangeCollectionRule()
    {
        var given = ACollectionWithViewerEditorAndManager();

        AssertBrokenRule<OnlyEditorsChangeCollection>(() => given.Collection.Describe(given.Actor(AccessRole.Viewer), "Mine", null, Now));
        given.Collection.Name.ShouldBe("Summer 2025");
    }

    [Test]
    public void Describe_WhenActorIsStranger_BreaksOnlyGranteesSeeCollectionRule()
    {
        var given = ACollectionWithViewerEditorAndManager();

        AssertBrokenRule<OnlyGranteesSeeCollection>(() => given.Collection.Describe(given.Actor(null), "Mine", null, Now));
    }
}
