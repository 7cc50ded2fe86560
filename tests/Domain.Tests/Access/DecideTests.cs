using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Media;
using MediaVault.Domain.Users;

namespace MediaVault.Domain.Tests.Access;

/// <summary>The one rule of effective access (<see cref="AccessPolicy.Decide"/>) over the paths a person has to an asset.</summary>
public sealed class DecideTests
{
    private static readonly UserId Owner = UserId.New();
    private static readonly UserId Person = UserId.New();

    [TestCase(AccessPathKind.Grant)]
    [TestCase(AccessPathKind.GroupGrant)]
    [TestCase(AccessPathKind.CollectionGrant)]
    public void Decide_WhenPathsGiveDifferentRoles_TakesTheStrongestWhicheverPathItComesFrom(AccessPathKind strongest)
    {
        var paths = new[] { AccessPathKind.Grant, AccessPathKind.GroupGrant, AccessPathKind.CollectionGrant }
            .Select(kind => Path(kind, kind == strongest ? AccessRole.Manager : AccessRole.Viewer))
            .ToList();

        var decision = AccessPolicy.Decide(Facts(), Person, paths);

        decision.Capabilities.Role.ShouldBe(AccessRole.Manager);
        decision.Paths[0].Kind.ShouldBe(strongest);
    }

    [TestCase(AccessPathKind.GroupGrant, AccessRole.Viewer)]
    [TestCase(AccessPathKind.GroupGrant, AccessRole.Manager)]
    [TestCase(AccessPathKind.CollectionGrant, AccessRole.Editor)]
    public void Decide_WhenTheOnlyPathIsAGroupOrCollectionGrant_GivesItsRole(AccessPathKind kind, AccessRole role)
    {
        var decision = AccessPolicy.Decide(Facts(), Person, [Path(kind, role)]);

        decision.Capabilities.Role.ShouldBe(role);
        decision.Capabilities.CanView.ShouldBeTrue();
        decision.Capabilities.CanEdit.ShouldBe(role >= AccessRole.Editor);
        decision.Capabilities.CanShare.ShouldBe(role >= AccessRole.Manager);
        decision.Capabilities.CanDelete.ShouldBeFalse();
    }

    [Test]
    public void Decide_WhenCallerIsOwnerAndAlsoHoldsGrants_IsOwnerWithTheOwnerPathFirst()
    {
        var decision = AccessPolicy.Decide(Facts(), Owner, [Path(AccessPathKind.GroupGrant, AccessRole.Manager, allowDownload: false)]);

        decision.Capabilities.Role.ShouldBe(AccessRole.Owner);
        decision.Capabilities.CanDelete.ShouldBeTrue();
        decision.Capabilities.CanDownload.ShouldBeTrue();
        decision.Paths[0].ShouldBe(new AccessPath(AccessPathKind.Owner, AccessRole.Owner, AllowDownload: true));
    }

    [Test]
    public void Decide_WhenAssetDoesNotInherit_IgnoresCollectionPaths()
    {
        var decision = AccessPolicy.Decide(Facts(inheritsAccess: false), Person, [Path(AccessPathKind.CollectionGrant, AccessRole.Manager)]);

        decision.Capabilities.ShouldBe(Capabilities.None);
        decision.Paths.ShouldBeEmpty();
    }

    [Test]
    public void Decide_WhenAssetDoesNotInheritButAnotherPathExists_GivesThatPathsRoleOnly()
    {
        AccessPath[] paths = [Path(AccessPathKind.CollectionGrant, AccessRole.Manager), Path(AccessPathKind.GroupGrant, AccessRole.Viewer)];

        var decision = AccessPolicy.Decide(Facts(inheritsAccess: false), Person, paths);

        decision.Capabilities.Role.ShouldBe(AccessRole.Viewer);
        decision.Paths.ShouldAllBe(p => p.Kind != AccessPathKind.CollectionGrant);
    }

    [TestCase(AssetStatus.Pending, AssetIntegrity.Unverified)]
    [TestCase(AssetStatus.Ready, AssetIntegrity.Mismatch)]
    public void Decide_WhenAssetIsPendingOrMismatched_GivesNonOwnersNothingWhateverTheirPaths(AssetStatus status, AssetIntegrity integrity)
    {
        var paths = new[] { AccessPathKind.Grant, AccessPathKind.GroupGrant, AccessPathKind.CollectionGrant }
            .Select(kind => Path(kind, AccessRole.Manager));

        var decision = AccessPolicy.Decide(Facts(status, integrity), Person, paths);

        decision.Capabilities.ShouldBe(Capabilities.None);
        decision.Paths.ShouldBeEmpty();
    }

    [TestCase(AssetStatus.Pending, AssetIntegrity.Unverified)]
    [TestCase(AssetStatus.Ready, AssetIntegrity.Mismatch)]
    public void Decide_WhenAssetIsPendingOrMismatched_OwnerSeesItButCannotDownload(AssetStatus status, AssetIntegrity integrity)
    {
        var decision = AccessPolicy.Decide(Facts(status, integrity), Owner, []);

        decision.Capabilities.Role.ShouldBe(AccessRole.Owner);
        decision.Capabilities.CanView.ShouldBeTrue();
        decision.Capabilities.CanDownload.ShouldBeFalse();
    }

    [TestCase(AccessPathKind.Grant)]
    [TestCase(AccessPathKind.GroupGrant)]
    [TestCase(AccessPathKind.CollectionGrant)]
    public void Decide_WhenNoPathAllowsDownload_SeesButCannotDownload(AccessPathKind kind)
    {
        var decision = AccessPolicy.Decide(Facts(), Person, [Path(kind, AccessRole.Manager, allowDownload: false)]);

        decision.Capabilities.Role.ShouldBe(AccessRole.Manager);
        decision.Capabilities.CanView.ShouldBeTrue();
        decision.Capabilities.CanDownload.ShouldBeFalse();
    }

    [Test]
    public void Decide_WhenOnlyAWeakerPathAllowsDownload_TakesTheStrongerRoleAndMayDownload()
    {
        AccessPath[] paths =
        [
            Path(AccessPathKind.Grant, AccessRole.Manager, allowDownload: false),
            Path(AccessPathKind.CollectionGrant, AccessRole.Viewer, allowDownload: true),
        ];

        var decision = AccessPolicy.Decide(Facts(), Person, paths);

        decision.Capabilities.Role.ShouldBe(AccessRole.Manager);
        decision.Capabilities.CanDownload.ShouldBeTrue();
    }

    [Test]
    public void Decide_WhenOnlyAnIgnoredCollectionPathAllowsDownload_CannotDownload()
    {
        AccessPath[] paths =
        [
            Path(AccessPathKind.Grant, AccessRole.Viewer, allowDownload: false),
            Path(AccessPathKind.CollectionGrant, AccessRole.Viewer, allowDownload: true),
        ];

        var decision = AccessPolicy.Decide(Facts(inheritsAccess: false), Person, paths);

        decision.Capabilities.CanView.ShouldBeTrue();
        decision.Capabilities.CanDownload.ShouldBeFalse();
    }

    [Test]
    public void Decide_WhenOwnersAssetIsReady_OwnerMayAlwaysDownload()
    {
        var decision = AccessPolicy.Decide(Facts(), Owner, []);

        decision.Capabilities.CanDownload.ShouldBeTrue();
    }

    [Test]
    public void Decide_WhenThereAreNoPaths_GivesNothingAndNoPaths()
    {
        var decision = AccessPolicy.Decide(Facts(), Person, []);

        decision.Capabilities.ShouldBe(Capabilities.None);
        decision.Paths.ShouldBeEmpty();
    }

    [Test]
    public void Decide_WithSeveralPaths_ListsThemStrongestFirstThenByKindThenDownloadFirst()
    {
        var viewerByGrant = Path(AccessPathKind.Grant, AccessRole.Viewer);
        var managerByCollection = Path(AccessPathKind.CollectionGrant, AccessRole.Manager);
        var editorByGroupViewOnly = Path(AccessPathKind.GroupGrant, AccessRole.Editor, allowDownload: false);
        var editorByGroup = Path(AccessPathKind.GroupGrant, AccessRole.Editor);
        var editorByGrant = Path(AccessPathKind.Grant, AccessRole.Editor);

        var decision = AccessPolicy.Decide(Facts(), Person, [viewerByGrant, editorByGroupViewOnly, managerByCollection, editorByGroup, editorByGrant]);

        decision.Paths.ShouldBe([managerByCollection, editorByGrant, editorByGroup, editorByGroupViewOnly, viewerByGrant]);
    }

    [Test]
    public void Decide_WithEquallyStrongPaths_ListsThemInTheOrderTheyCameIn()
    {
        var laterExpiry = Path(AccessPathKind.GroupGrant, AccessRole.Editor) with { ExpiresAt = DateTimeOffset.UnixEpoch.AddDays(2) };
        var earlierExpiry = Path(AccessPathKind.GroupGrant, AccessRole.Editor) with { ExpiresAt = DateTimeOffset.UnixEpoch.AddDays(1) };
        var noExpiry = Path(AccessPathKind.GroupGrant, AccessRole.Editor);

        AccessPolicy.Decide(Facts(), Person, [laterExpiry, earlierExpiry, noExpiry]).Paths.ShouldBe([laterExpiry, earlierExpiry, noExpiry]);
        AccessPolicy.Decide(Facts(), Person, [noExpiry, laterExpiry, earlierExpiry]).Paths.ShouldBe([noExpiry, laterExpiry, earlierExpiry]);
    }

    private static AssetAccessFacts Facts(AssetStatus status = AssetStatus.Ready, AssetIntegrity integrity = AssetIntegrity.Verified, bool inheritsAccess = true) =>
        new(Owner, status, integrity, inheritsAccess);

    private static AccessPath Path(AccessPathKind kind, AccessRole role, bool allowDownload = true) => new(kind, role, allowDownload);
}
