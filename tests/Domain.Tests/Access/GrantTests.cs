using MediaVault.Domain.Access;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Sharing;
using MediaVault.Domain.Tests.TestSupport;
using MediaVault.Domain.Users;

namespace MediaVault.Domain.Tests.Access;

/// <summary>"Active" is one predicate, written as an expression and compiled; and who a grant is to.</summary>
public sealed class GrantTests
{
    private static readonly DateTimeOffset Now = Given.Now;

    private static readonly DateTimeOffset[] Instants =
        [Now, Now.AddDays(1).AddTicks(-1), Now.AddDays(1), Now.AddDays(1).AddTicks(1), Now.AddYears(5)];

    [Test]
    public void IsActiveAt_ForEveryGrantStateAndInstant_AgreesWithTheCompiledIsActiveExpression()
    {
        var asset = Given.AReadyAsset();
        var open = Given.AGrant(asset, UserId.New(), AccessRole.Viewer);
        var expiring = Given.AGrant(asset, UserId.New(), AccessRole.Editor, Now.AddDays(1));
        var revoked = Given.AGrant(asset, UserId.New(), AccessRole.Manager);
        asset.RevokeGrant(asset.OwnerId, Given.OwnerCapabilities(asset), revoked.Id, Now);
        var isActive = Grant.IsActive<ShareGrant>(Now).Compile();

        foreach (var instant in Instants)
        {
            var compiled = Grant.IsActive<ShareGrant>(instant).Compile();
            foreach (var grant in new[] { open, expiring, revoked })
            {
                compiled(grant).ShouldBe(grant.IsActiveAt(instant), $"grant expiring {grant.ExpiresAt}, revoked {grant.RevokedAt}, at {instant:O}");
            }
        }

        (isActive(open), isActive(expiring), isActive(revoked)).ShouldBe((true, true, false));
    }

    [Test]
    public void IsActiveAt_AtExactlyExpiry_IsFalseAndJustBeforeIsTrue()
    {
        var asset = Given.AReadyAsset();
        var expiry = Now.AddDays(1);
        var grant = Given.AGrant(asset, UserId.New(), AccessRole.Viewer, expiry);

        grant.IsActiveAt(expiry.AddTicks(-1)).ShouldBeTrue();
        grant.IsActiveAt(expiry).ShouldBeFalse();
    }

    [Test]
    public void Holds_WhenGrantIsToTheSamePerson_IsTrueAndForAnyoneElseFalse()
    {
        var asset = Given.AReadyAsset();
        var person = UserId.New();
        var grant = Given.AGrant(asset, person, AccessRole.Viewer);

        Grantee.OfPerson(person).Holds(grant).ShouldBeTrue();
        Grantee.OfPerson(UserId.New()).Holds(grant).ShouldBeFalse();
        Grantee.OfGroup(GroupId.New()).Holds(grant).ShouldBeFalse();
        grant.Grantee.ShouldBe(Grantee.OfPerson(person));
    }

    [Test]
    public void Holds_WhenGrantIsToTheSameGroup_IsTrueAndForAnyOtherGroupOrPersonFalse()
    {
        var asset = Given.AReadyAsset();
        var group = GroupId.New();
        var grant = asset.ShareWith(asset.OwnerId, Given.OwnerCapabilities(asset), Grantee.OfGroup(group), AccessRole.Viewer, true, null, Now);

        Grantee.OfGroup(group).Holds(grant).ShouldBeTrue();
        Grantee.OfGroup(GroupId.New()).Holds(grant).ShouldBeFalse();
        Grantee.OfPerson(asset.OwnerId).Holds(grant).ShouldBeFalse();
        grant.Grantee.ShouldBe(Grantee.OfGroup(group));
    }
}
