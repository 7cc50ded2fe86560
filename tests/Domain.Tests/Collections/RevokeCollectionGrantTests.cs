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

public sealed class RevokeCollectionGrantTests
{
    private static readonly DateTimeOffset Now = Given.Now;

    [TestCase(AccessRole.Owner)]
    [TestCase(AccessRole.Manager)]
    public void RevokeGrant_WhenOwnerOrManagerRevokes_GranteeLosesAccessAtOnceAndCollectionGrantRevokedIsRaised(AccessRole actorRole)
    {
        var given = ACollectionWithViewerEditorAndManager();
        var grant = given.GrantOf(AccessRole.Editor);

        given.Collection.RevokeGrant(given.Actor(actorRole), grant.Id, Now);

        (grant.IsRevoked, grant.RevokedBy).ShouldBe((true, (UserId?)given.Person(actorRole)));
        given.Collection.AccessOf(given.Actor(AccessRole.Editor), Now).ShouldBe(CollectionAccess.None);
        var revoked = AssertRaised<CollectionGrantRevoked>(given.Collection);
        (revoked.GrantId, revoked.GranteeId).ShouldBe((grant.Id, (UserId?)given.Person(AccessRole.Editor)));
    }

    [TestCase(AccessRole.Viewer)]
    [TestCase(AccessRole.Editor)]
    [TestCase(AccessRole.Manager)]
    public void RevokeGrant_WhenGranteeLeaves_LosesAccess(AccessRole role)
    {
        var given = ACollectionWithViewerEditorAndManager();
        var grant = given.GrantOf(role);

        given.Collection.RevokeGrant(given.Actor(role), grant.Id, Now);

        grant.RevokedBy.ShouldBe(given.Person(role));
        given.Collection.AccessOf(given.Actor(role), Now).ShouldBe(CollectionAccess.None);
    }

    [TestCase(AccessRole.Editor)]
    [TestCase(AccessRole.Viewer)]
    public void RevokeGrant_WhenEditorOrViewerRevokesSomeoneElse_BreaksOnlyManagersShareCollectionRule(AccessRole role)
    {
        var given = ACollectionWithViewerEditorAndManager();
        var other = given.GrantOf(AccessRole.Manager);

        AssertBrokenRule<OnlyManagersShareCollection>(() => given.Collection.RevokeGrant(given.Actor(role), other.Id, Now));
        other.IsRevoked.ShouldBeFalse();
    }

    [Test]
    public void RevokeGrant_WhenAGroupMemberRevokesTheGroupsGrant_BreaksOnlyManagersShareCollectionRule()
    {
        var given = ACollectionWithViewerEditorAndManager();
        var group = GroupId.New();
        var grant = given.Grant(Grantee.OfGroup(group), AccessRole.Editor);

        AssertBrokenRule<OnlyManagersShareCollection>(() => given.Collection.RevokeGrant(InGroups(UserId.New(), group), grant.Id, Now));
        grant.IsRevoked.ShouldBeFalse();
    }

    [Test]
    public void RevokeGrant_WhenActorIsStranger_BreaksOnlyGranteesSeeCollectionRule()
    {
        var given = ACollectionWithViewerEditorAndManager();

        AssertBrokenRule<OnlyGranteesSeeCollection>(() => given.Collection.RevokeGrant(given.Actor(null), given.GrantOf(AccessRole.Viewer).Id, Now));
    }

    [Test]
    public void RevokeGrant_WhenFormerGranteeWithoutOtherAccessLeavesAgain_BreaksOnlyGranteesSeeCollectionRule()
    {
        var given = ACollectionWithViewerEditorAndManager();
        var grant = given.GrantOf(AccessRole.Viewer);
        given.Collection.RevokeGrant(given.Actor(AccessRole.Owner), grant.Id, Now);

        AssertBrokenRule<OnlyGranteesSeeCollection>(() => given.Collection.RevokeGrant(given.Actor(AccessRole.Viewer), grant.Id, Now));
    }

    [Test]
    public void RevokeGrant_WhenGrantIsAlreadyRevoked_ChangesNothing()
    {
        var given = ACollectionWithViewerEditorAndManager();
        var grant = given.GrantOf(AccessRole.Viewer);
        given.Collection.RevokeGrant(given.Actor(AccessRole.Owner), grant.Id, Now);
        given.Collection.ClearDomainEvents();

        given.Collection.RevokeGrant(given.Actor(AccessRole.Manager), grant.Id, Now.AddHours(1));

        (grant.RevokedAt, grant.RevokedBy).ShouldBe(((DateTimeOffset?)Now, (UserId?)given.Owner));
        AssertNothingRaised(given.Collection);
    }
}
