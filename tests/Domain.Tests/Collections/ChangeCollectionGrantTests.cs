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

public sealed class ChangeCollectionGrantTests
{
    private static readonly DateTimeOffset Now = Given.Now;

    [TestCase(AccessRole.Owner)]
    [TestCase(AccessRole.Manager)]
    public void ChangeGrant_WhenOwnerOrManagerChangesRoleDownloadAndExpiry_GranteeHoldsThemAndCollectionGrantUpdatedIsRaised(AccessRole actorRole)
    {
        var given = ACollectionWithViewerEditorAndManager();
        var grant = given.GrantOf(AccessRole.Viewer);
        var expiry = Now.AddDays(3);

        given.Collection.ChangeGrant(given.Actor(actorRole), grant.Id, AccessRole.Editor, allowDownload: false, expiry, clearExpiry: false, Now);

        (grant.Role, grant.AllowDownload, grant.ExpiresAt).ShouldBe((AccessRole.Editor, false, (DateTimeOffset?)expiry));
        given.Collection.AccessOf(given.Actor(AccessRole.Viewer), Now).Role.ShouldBe(AccessRole.Editor);
        var updated = AssertRaised<CollectionGrantUpdated>(given.Collection);
        (updated.GrantId, updated.ActorId, updated.Role, updated.AllowDownload).ShouldBe((grant.Id, (UserId?)given.Person(actorRole), AccessRole.Editor, false));
    }

    [Test]
    public void ChangeGrant_WhenNothingIsGiven_KeepsRoleDownloadAndExpiry()
    {
        var given = ACollectionWithViewerEditorAndManager();
        var expiry = Now.AddDays(5);
        var grant = given.Grant(Grantee.OfGroup(GroupId.New()), AccessRole.Editor, expiry, allowDownload: false);

        given.Collection.ChangeGrant(given.Actor(AccessRole.Owner), grant.Id, null, null, null, clearExpiry: false, Now);

        (grant.Role, grant.AllowDownload, grant.ExpiresAt).ShouldBe((AccessRole.Editor, false, (DateTimeOffset?)expiry));
    }

    [Test]
    public void ChangeGrant_WhenExpiryIsCleared_GrantNeverExpires()
    {
        var given = ACollectionWithViewerEditorAndManager();
        var grant = given.Grant(Grantee.OfPerson(UserId.New()), AccessRole.Viewer, Now.AddDays(1));

        given.Collection.ChangeGrant(given.Actor(AccessRole.Owner), grant.Id, null, null, null, clearExpiry: true, Now);

        grant.ExpiresAt.ShouldBeNull();
        grant.IsActiveAt(Now.AddYears(10)).ShouldBeTrue();
    }

    [Test]
    public void ChangeGrant_WhenManagerChangesOwnGrant_BreaksGranteeCannotChangeOwnGrantRule()
    {
        var given = ACollectionWithViewerEditorAndManager();
        var own = given.GrantOf(AccessRole.Manager);

        AssertBrokenRule<GranteeCannotChangeOwnGrant>(
            () => given.Collection.ChangeGrant(given.Actor(AccessRole.Manager), own.Id, null, null, Now.AddYears(1), clearExpiry: false, Now));
    }

    [TestCase(AccessRole.Editor)]
    [TestCase(AccessRole.Viewer)]
    public void ChangeGrant_WhenActorIsEditorOrViewer_BreaksOnlyManagersShareCollectionRule(AccessRole role)
    {
        var given = ACollectionWithViewerEditorAndManager();
        var other = given.GrantOf(AccessRole.Manager);

        AssertBrokenRule<OnlyManagersShareCollection>(
            () => given.Collection.ChangeGrant(given.Actor(role), other.Id, AccessRole.Viewer, null, null, clearExpiry: false, Now));
        other.Role.ShouldBe(AccessRole.Manager);
    }

    [Test]
    public void ChangeGrant_WhenActorIsStranger_BreaksOnlyGranteesSeeCollectionRule()
    {
        var given = ACollectionWithViewerEditorAndManager();

        AssertBrokenRule<OnlyGranteesSeeCollection>(
            () => given.Collection.ChangeGrant(given.Actor(null), given.GrantOf(AccessRole.Viewer).Id, AccessRole.Manager, null, null, clearExpiry: false, Now));
    }

    [Test]
    public void ChangeGrant_WhenGrantIsRevoked_BreaksRevokedGrantCannotChangeRule()
    {
        var given = ACollectionWithViewerEditorAndManager();
        var grant = given.GrantOf(AccessRole.Editor);
        given.Collection.RevokeGrant(given.Actor(AccessRole.Owner), grant.Id, Now);

        AssertBrokenRule<RevokedGrantCannotChange>(
            () => given.Collection.ChangeGrant(given.Actor(AccessRole.Owner), grant.Id, AccessRole.Viewer, null, null, clearExpiry: false, Now));
    }

    [Test]
    public void ChangeGrant_WhenRoleIsOwner_BreaksGrantRoleMustBeGrantableRule()
    {
        var given = ACollectionWithViewerEditorAndManager();

        AssertBrokenRule<GrantRoleMustBeGrantable>(
            () => given.Collection.ChangeGrant(given.Actor(AccessRole.Owner), given.GrantOf(AccessRole.Viewer).Id, AccessRole.Owner, null, null, clearExpiry: false, Now));
    }

    [Test]
    public void ChangeGrant_WhenNewExpiryIsNotInFuture_BreaksGrantExpiryMustBeInFutureRule()
    {
        var given = ACollectionWithViewerEditorAndManager();

        AssertBrokenRule<GrantExpiryMustBeInFuture>(
            () => given.Collection.ChangeGrant(given.Actor(AccessRole.Owner), given.GrantOf(AccessRole.Viewer).Id, null, null, Now.AddSeconds(-1), clearExpiry: false, Now));
    }
}
