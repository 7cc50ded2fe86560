using MediaVault.Domain.Access;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Sharing.Rules;
using MediaVault.Domain.Tests.TestSupport;
using MediaVault.Domain.Users;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;
using static MediaVault.Domain.Tests.TestSupport.GivenCollections;

namespace MediaVault.Domain.Tests.Access;

/// <summary>A manager whose access is limited cannot make it outlast itself: no grant to oneself, no change to a grant one holds through a group.</summary>
public sealed class SelfGrantTests
{
    private static readonly DateTimeOffset Now = Given.Now;

    [Test]
    public void ShareWith_WhenAManagerOfTheAssetGrantsThemselves_BreaksNobodyGrantsToThemselvesRule()
    {
        var asset = Given.AReadyAsset();
        var manager = Given.AGrantee(asset, AccessRole.Manager, Now.AddDays(1));

        AssertBrokenRule<NobodyGrantsToThemselves>(() =>
            asset.ShareWith(manager, Given.CapabilitiesOf(asset, manager), Grantee.OfPerson(manager), AccessRole.Manager, true, null, Now));
    }

    [Test]
    public void ChangeGrant_WhenTheActorIsInTheGroupHoldingTheGrant_BreaksGranteeCannotChangeOwnGrantRule()
    {
        var asset = Given.AReadyAsset();
        var group = GroupId.New();
        var member = UserId.New();
        var grant = asset.ShareWith(asset.OwnerId, Given.OwnerCapabilities(asset), Grantee.OfGroup(group), AccessRole.Manager, true, Now.AddDays(1), Now);
        var access = AccessPolicy.Decide(asset.AccessFacts, member, [new AccessPath(AccessPathKind.GroupGrant, AccessRole.Manager, true)]).Capabilities;

        AssertBrokenRule<GranteeCannotChangeOwnGrant>(() =>
            asset.ChangeGrant(InGroups(member, group), access, grant.Id, null, null, null, clearExpiry: true, Now));
    }

    [Test]
    public void ShareWith_WhenACollectionManagerGrantsThemselves_BreaksNobodyGrantsToThemselvesRule()
    {
        var given = ACollectionWithViewerEditorAndManager();
        var manager = given.Person(AccessRole.Manager);

        AssertBrokenRule<NobodyGrantsToThemselves>(() =>
            given.Collection.ShareWith(given.Actor(AccessRole.Manager), Grantee.OfPerson(manager), AccessRole.Viewer, true, null, Now));
    }

    [Test]
    public void ChangeGrant_WhenTheActorIsInTheGroupHoldingTheCollectionGrant_BreaksGranteeCannotChangeOwnGrantRule()
    {
        var given = ACollectionWithViewerEditorAndManager();
        var group = GroupId.New();
        var member = UserId.New();
        var grant = given.Grant(Grantee.OfGroup(group), AccessRole.Manager, Now.AddDays(1));

        AssertBrokenRule<GranteeCannotChangeOwnGrant>(() =>
            given.Collection.ChangeGrant(InGroups(member, group), grant.Id, null, null, null, clearExpiry: true, Now));
    }
}
