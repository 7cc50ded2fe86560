using MediaVault.Domain.Access;
using MediaVault.Domain.Collections.Events;
using MediaVault.Domain.Collections.Rules;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Sharing.Rules;
using MediaVault.Domain.Tests.TestSupport;
using MediaVault.Domain.Users;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;
using static MediaVault.Domain.Tests.TestSupport.GivenCollections;

namespace MediaVault.Domain.Tests.Collections;

public sealed class ShareCollectionTests
{
    private static readonly DateTimeOffset Now = Given.Now;

    [TestCase(AccessRole.Owner, AccessRole.Viewer)]
    [TestCase(AccessRole.Owner, AccessRole.Manager)]
    [TestCase(AccessRole.Manager, AccessRole.Editor)]
    [TestCase(AccessRole.Manager, AccessRole.Manager)]
    public void ShareWith_WhenOwnerOrManagerGrantsARole_GranteeHoldsItAndCollectionGrantCreatedIsRaised(AccessRole actorRole, AccessRole role)
    {
        var given = ACollectionWithViewerEditorAndManager();
        var person = UserId.New();
        var expiry = Now.AddDays(7);

        var grant = given.Collection.ShareWith(given.Actor(actorRole), Grantee.OfPerson(person), role, true, expiry, Now);

        (grant.CollectionId, grant.GranteeId, grant.Role, grant.ExpiresAt, grant.CreatedBy)
            .ShouldBe((given.Collection.Id, (UserId?)person, role, (DateTimeOffset?)expiry, given.Person(actorRole)));
        given.Collection.AccessOf(Alone(person), Now).Role.ShouldBe(role);
        var created = AssertRaised<CollectionGrantCreated>(given.Collection);
        (created.GrantId, created.GranteeId, created.Role).ShouldBe((grant.Id, (UserId?)person, role));
    }

    [Test]
    public void ShareWith_WhenGranteeIsAGroup_EveryMemberHoldsTheRole()
    {
        var given = ACollectionWithViewerEditorAndManager();
        var group = GroupId.New();

        var grant = given.Collection.ShareWith(given.Actor(AccessRole.Owner), Grantee.OfGroup(group), AccessRole.Editor, true, null, Now);

        (grant.GroupId, grant.GranteeId).ShouldBe((group, (UserId?)null));
        given.Collection.AccessOf(InGroups(UserId.New(), group), Now).Role.ShouldBe(AccessRole.Editor);
        AssertRaised<CollectionGrantCreated>(given.Collection).GroupId.ShouldBe(group);
    }

    [Test]
    public void ShareWith_WhenDownloadIsNotAllowed_KeepsItOnTheGrant()
    {
        var given = ACollectionWithViewerEditorAndManager();

        var grant = given.Collection.ShareWith(given.Actor(AccessRole.Owner), Grantee.OfPerson(UserId.New()), AccessRole.Viewer, allowDownload: false, null, Now);

        grant.AllowDownload.ShouldBeFalse();
        AssertRaised<CollectionGrantCreated>(given.Collection).AllowDownload.ShouldBeFalse();
    }

    [TestCase(AccessRole.Editor)]
    [TestCase(AccessRole.Viewer)]
    public void ShareWith_WhenActorIsEditorOrViewer_BreaksOnlyManagersShareCollectionRule(AccessRole role)
    {
        var given = ACollectionWithViewerEditorAndManager();

        AssertBrokenRule<OnlyManagersShareCollection>(
            () => given.Collection.ShareWith(given.Actor(role), Grantee.OfPerson(UserId.New()), AccessRole.Viewer, true, null, Now));
    }

    [Test]
    public void ShareWith_WhenActorIsStranger_BreaksOnlyGranteesSeeCollectionRule()
    {
        var given = ACollectionWithViewerEditorAndManager();

        AssertBrokenRule<OnlyGranteesSeeCollection>(
            () => given.Collection.ShareWith(given.Actor(null), Grantee.OfPerson(UserId.New()), AccessRole.Viewer, true, null, Now));
    }

    [TestCase(AccessRole.Owner)]
    [TestCase(AccessRole.Manager)]
    public void ShareWith_WhenGranteeIsTheOwner_BreaksGrantCannotTargetOwnerRule(AccessRole actorRole)
    {
        var given = ACollectionWithViewerEditorAndManager();

        AssertBrokenRule<GrantCannotTargetOwner>(
            () => given.Collection.ShareWith(given.Actor(actorRole), Grantee.OfPerson(given.Owner), AccessRole.Viewer, true, null, Now));
    }

    [Test]
    public void ShareWith_WhenRoleIsOwner_BreaksGrantRoleMustBeGrantableRule()
    {
        var given = ACollectionWithViewerEditorAndManager();

        AssertBrokenRule<GrantRoleMustBeGrantable>(
            () => given.Collection.ShareWith(given.Actor(AccessRole.Manager), Grantee.OfPerson(UserId.New()), AccessRole.Owner, true, null, Now));
    }

    [Test]
    public void ShareWith_WhenExpiryIsNotInFuture_BreaksGrantExpiryMustBeInFutureRule()
    {
        var given = ACollectionWithViewerEditorAndManager();

        AssertBrokenRule<GrantExpiryMustBeInFuture>(
            () => given.Collection.ShareWith(given.Actor(AccessRole.Owner), Grantee.OfPerson(UserId.New()), AccessRole.Viewer, true, Now, Now));
    }

    [Test]
    public void ShareWith_WhenPersonAlreadyHoldsLiveGrant_BreaksOneActiveGrantPerGranteeRule()
    {
        var given = ACollectionWithViewerEditorAndManager();

        AssertBrokenRule<OneActiveGrantPerGrantee>(
            () => given.Collection.ShareWith(given.Actor(AccessRole.Owner), Grantee.OfPerson(given.Person(AccessRole.Viewer)), AccessRole.Editor, true, null, Now));
    }

    [Test]
    public void ShareWith_WhenGroupAlreadyHoldsLiveGrant_BreaksOneActiveGrantPerGranteeRule()
    {
        var given = ACollectionWithViewerEditorAndManager();
        var group = Grantee.OfGroup(GroupId.New());
        given.Grant(group, AccessRole.Viewer);

        AssertBrokenRule<OneActiveGrantPerGrantee>(
            () => given.Collection.ShareWith(given.Actor(AccessRole.Owner), group, AccessRole.Editor, true, null, Now));
    }

    [Test]
    public void ShareWith_WhenPreviousGrantHasLapsed_ClosesItAndGrantsAgain()
    {
        var given = ACollectionWithViewerEditorAndManager();
        var person = Grantee.OfPerson(UserId.New());
        var expiry = Now.AddDays(1);
        var lapsed = given.Grant(person, AccessRole.Viewer, expiry);
        var later = expiry.AddDays(1);

        var again = given.Collection.ShareWith(given.Actor(AccessRole.Owner), person, AccessRole.Editor, true, null, later);

        lapsed.IsRevoked.ShouldBeTrue();
        given.Collection.Grants.Where(g => person.Holds(g) && !g.IsRevoked).ShouldBe([again]);
    }

    [Test]
    public void ShareWith_WhenPreviousGrantWasRevoked_GrantsAgain()
    {
        var given = ACollectionWithViewerEditorAndManager();
        var viewer = given.Person(AccessRole.Viewer);
        given.Collection.RevokeGrant(given.Actor(AccessRole.Owner), given.GrantOf(AccessRole.Viewer).Id, Now);

        given.Collection.ShareWith(given.Actor(AccessRole.Owner), Grantee.OfPerson(viewer), AccessRole.Editor, true, null, Now);

        given.Collection.AccessOf(Alone(viewer), Now).Role.ShouldBe(AccessRole.Editor);
    }
}
