using MediaVault.Domain.Access;
using MediaVault.Domain.Collections.Events;
using MediaVault.Domain.Collections.Rules;
using MediaVault.Domain.Tests.TestSupport;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;
using static MediaVault.Domain.Tests.TestSupport.GivenCollections;

namespace MediaVault.Domain.Tests.Collections;

public sealed class DeleteCollectionTests
{
    [Test]
    public void Delete_WhenOwnerDeletes_RaisesCollectionDeleted()
    {
        var given = ACollectionWithViewerEditorAndManager();

        given.Collection.Delete(given.Actor(AccessRole.Owner), Given.Now);

        AssertRaised<CollectionDeleted>(given.Collection).ActorId.ShouldBe(given.Owner);
    }

    [TestCase(AccessRole.Manager)]
    [TestCase(AccessRole.Editor)]
    [TestCase(AccessRole.Viewer)]
    public void Delete_WhenActorIsAGrantee_BreaksOnlyOwnerDeletesCollectionRule(AccessRole role)
    {
        var given = ACollectionWithViewerEditorAndManager();

        AssertBrokenRule<OnlyOwnerDeletesCollection>(() => given.Collection.Delete(given.Actor(role), Given.Now));
        AssertNothingRaised(given.Collection);
    }

    [Test]
    public void Delete_WhenActorIsStranger_BreaksOnlyGranteesSeeCollectionRule()
    {
        var given = ACollectionWithViewerEditorAndManager();

        AssertBrokenRule<OnlyGranteesSeeCollection>(() => given.Collection.Delete(given.Actor(null), Given.Now));
    }
}
