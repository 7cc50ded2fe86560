using MediaVault.Domain.Access;
using MediaVault.Domain.Collections.Events;
using MediaVault.Domain.Collections.Rules;
using MediaVault.Domain.Sharing;
using MediaVault.Domain.Tests.TestSupport;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;

namespace MediaVault.Domain.Tests.Sharing;

public sealed class RevokeCollectionLinkTests
{
    private static readonly DateTimeOffset Now = Given.Now;
    private readonly GivenCollections _given = GivenCollections.ACollectionWithViewerEditorAndManager();

    [TestCase(AccessRole.Owner)]
    [TestCase(AccessRole.Manager)]
    public void Revoke_WhenOwnerOrManagerRevokesThroughTheCollection_StopsTheLinkAndRaisesCollectionLinkRevoked(AccessRole role)
    {
        var link = AViewLink();

        link.Revoke(_given.Collection, _given.Actor(role), Now);

        link.RevokedAt.ShouldBe(Now);
        link.IsUsableAt(Now).ShouldBeFalse();
        var revoked = AssertRaised<CollectionLinkRevoked>(link);
        revoked.CollectionId.ShouldBe(_given.Collection.Id);
        revoked.LinkId.ShouldBe(link.Id);
        revoked.ActorId.ShouldBe(_given.Person(role));
    }

    [TestCase(AccessRole.Editor)]
    [TestCase(AccessRole.Viewer)]
    public void Revoke_WhenActorIsEditorOrViewer_BreaksOnlyManagersShareCollectionRule(AccessRole role)
    {
        var link = AViewLink();

        AssertBrokenRule<OnlyManagersShareCollection>(() => link.Revoke(_given.Collection, _given.Actor(role), Now));
        link.RevokedAt.ShouldBeNull();
    }

    [Test]
    public void Revoke_WhenActorIsStranger_BreaksOnlyGranteesSeeCollectionRule()
    {
        var link = AViewLink();

        AssertBrokenRule<OnlyGranteesSeeCollection>(() => link.Revoke(_given.Collection, _given.Actor(null), Now));
    }

    [Test]
    public void Revoke_WhenAlreadyRevoked_ChangesNothing()
    {
        var link = AViewLink();
        link.Revoke(_given.Collection, _given.Actor(AccessRole.Owner), Now);
        link.ClearDomainEvents();

        link.Revoke(_given.Collection, _given.Actor(AccessRole.Manager), Now.AddMinutes(1));

        link.RevokedAt.ShouldBe(Now);
        AssertNothingRaised(link);
    }

    [Test]
    public void Revoke_ThroughAnotherCollection_IsRefused()
    {
        var link = AViewLink();
        var other = GivenCollections.ACollectionWithViewerEditorAndManager();

        Should.Throw<InvalidOperationException>(() => link.Revoke(other.Collection, other.Actor(AccessRole.Owner), Now));
        link.RevokedAt.ShouldBeNull();
    }

    private ShareLink AViewLink()
    {
        var link = ShareLink.ForCollection(
            _given.Collection, _given.Actor(AccessRole.Owner), LinkKind.View, "token-hash", passwordHash: null, null, new LinkLimits(), Now);
        link.ClearDomainEvents();
        return link;
    }
}
