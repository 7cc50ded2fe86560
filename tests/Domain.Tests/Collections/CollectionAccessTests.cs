using MediaVault.Domain.Access;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Collections.Events;
using MediaVault.Domain.Collections.Rules;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Tests.TestSupport;
using MediaVault.Domain.Users;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;
using static MediaVault.Domain.Tests.TestSupport.GivenCollections;

namespace MediaVault.Domain.Tests.Collections;

/// <summary>Who may do what to a collection (<see cref="Collection.AccessOf"/>), and its creation.</summary>
public sealed class CollectionAccessTests
{
    private static readonly DateTimeOffset Now = Given.Now;

    [Test]
    public void Create_WhenSomeoneCreatesACollection_MakesThemItsOwnerAndRaisesCollectionCreated()
    {
        var creator = UserId.New();

        var collection = Collection.Create("  Summer  ", "  ", creator, Now);

        (collection.OwnerId, collection.Name, collection.Description).ShouldBe((creator, "Summer", (string?)null));
        collection.Entries.ShouldBeEmpty();
        collection.Grants.ShouldBeEmpty();
        AssertRaised<CollectionCreated>(collection).ActorId.ShouldBe(creator);
    }

    [Test]
    public void AccessOf_WhenPersonIsOwner_GivesEverything()
    {
        var given = ACollectionWithViewerEditorAndManager();

        var access = given.Collection.AccessOf(Alone(given.Owner), Now);

        (access.Role, access.CanView, access.CanEdit, access.CanShare, access.CanDelete).ShouldBe((AccessRole.Owner, true, true, true, true));
    }

    [TestCase(AccessRole.Viewer, false, false)]
    [TestCase(AccessRole.Editor, true, false)]
    [TestCase(AccessRole.Manager, true, true)]
    public void AccessOf_WhenPersonHoldsActiveGrant_GivesItsRoleAndNeverDelete(AccessRole role, bool canEdit, bool canShare)
    {
        var given = ACollectionWithViewerEditorAndManager();

        var access = given.Collection.AccessOf(given.Actor(role), Now);

        (access.Role, access.CanView, access.CanEdit, access.CanShare, access.CanDelete).ShouldBe((role, true, canEdit, canShare, false));
    }

    [Test]
    public void AccessOf_WhenGrantIsToOneOfThePersonsGroups_GivesItsRole()
    {
        var given = ACollectionWithViewerEditorAndManager();
        var group = GroupId.New();
        given.Grant(Grantee.OfGroup(group), AccessRole.Editor);
        var member = UserId.New();

        given.Collection.AccessOf(InGroups(member, group), Now).Role.ShouldBe(AccessRole.Editor);
        given.Collection.AccessOf(Alone(member), Now).ShouldBe(CollectionAccess.None);
    }

    [Test]
    public void AccessOf_WhenPersonAndGroupGrantsDiffer_GivesTheStrongest()
    {
        var given = ACollectionWithViewerEditorAndManager();
        var group = GroupId.New();
        given.Grant(Grantee.OfGroup(group), AccessRole.Manager);

        given.Collection.AccessOf(InGroups(given.Person(AccessRole.Viewer), group), Now).Role.ShouldBe(AccessRole.Manager);
    }

    [Test]
    public void AccessOf_WhenPersonIsStranger_GivesNothing()
    {
        var given = ACollectionWithViewerEditorAndManager();

        given.Collection.AccessOf(InGroups(given.Stranger, GroupId.New()), Now).ShouldBe(CollectionAccess.None);
    }

    [Test]
    public void AccessOf_WhenGrantHasExpired_GivesNothingFromTheInstantOfExpiry()
    {
        var given = ACollectionWithViewerEditorAndManager();
        var person = UserId.New();
        var expiry = Now.AddDays(1);
        given.Grant(Grantee.OfPerson(person), AccessRole.Manager, expiry);

        given.Collection.AccessOf(Alone(person), expiry.AddTicks(-1)).Role.ShouldBe(AccessRole.Manager);
        given.Collection.AccessOf(Alone(person), expiry).ShouldBe(CollectionAccess.None);
    }

    [Test]
    public void AccessOf_WhenGrantIsRevoked_GivesNothing()
    {
        var given = ACollectionWithViewerEditorAndManager();
        given.Collection.RevokeGrant(Alone(given.Owner), given.GrantOf(AccessRole.Editor).Id, Now);

        given.Collection.AccessOf(given.Actor(AccessRole.Editor), Now).ShouldBe(CollectionAccess.None);
    }

    [Test]
    public void EnsureVisibleTo_WhenPersonHasNoAccess_BreaksOnlyGranteesSeeCollectionRule()
    {
        var given = ACollectionWithViewerEditorAndManager();

        AssertBrokenRule<OnlyGranteesSeeCollection>(() => given.Collection.EnsureVisibleTo(Alone(given.Stranger), Now));
    }
}
