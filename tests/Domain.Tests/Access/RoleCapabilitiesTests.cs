using MediaVault.Domain.Access;
using MediaVault.Domain.Tests.TestSupport;

namespace MediaVault.Domain.Tests.Access;

/// <summary>Roles, weakest first: viewer, editor, manager, owner. Each may do all the weaker one may, and more.</summary>
public sealed class RoleCapabilitiesTests
{
    private static readonly AccessRole[] RolesWeakestFirst = [AccessRole.Viewer, AccessRole.Editor, AccessRole.Manager, AccessRole.Owner];

    [Test]
    public void Evaluate_WhenCallerIsViewer_MayViewAndDownloadOnly()
    {
        var capabilities = CapabilitiesOf(AccessRole.Viewer);

        (capabilities.Role, capabilities.CanView, capabilities.CanDownload, capabilities.CanEdit, capabilities.CanShare, capabilities.CanDelete).ShouldBe((AccessRole.Viewer, true, true, false, false, false));
    }

    [Test]
    public void Evaluate_WhenCallerIsEditor_MayAlsoEditButNotShare()
    {
        var capabilities = CapabilitiesOf(AccessRole.Editor);

        (capabilities.Role, capabilities.CanView, capabilities.CanDownload, capabilities.CanEdit, capabilities.CanShare, capabilities.CanDelete).ShouldBe((AccessRole.Editor, true, true, true, false, false));
    }

    [Test]
    public void Evaluate_WhenCallerIsManager_MayAlsoShareButNotDelete()
    {
        var capabilities = CapabilitiesOf(AccessRole.Manager);

        (capabilities.Role, capabilities.CanView, capabilities.CanDownload, capabilities.CanEdit, capabilities.CanShare, capabilities.CanDelete).ShouldBe((AccessRole.Manager, true, true, true, true, false));
    }

    [Test]
    public void Evaluate_WhenCallerIsOwner_MayAlsoDelete()
    {
        var capabilities = CapabilitiesOf(AccessRole.Owner);

        (capabilities.Role, capabilities.CanView, capabilities.CanDownload, capabilities.CanEdit, capabilities.CanShare, capabilities.CanDelete).ShouldBe((AccessRole.Owner, true, true, true, true, true));
    }

    [Test]
    public void Evaluate_ForEachStrongerRole_GivesEverythingTheWeakerRoleGivesAndMore()
    {
        for (var i = 1; i < RolesWeakestFirst.Length; i++)
        {
            var weaker = CapabilitiesOf(RolesWeakestFirst[i - 1]);
            var stronger = CapabilitiesOf(RolesWeakestFirst[i]);

            Flags(stronger).Zip(Flags(weaker)).ShouldAllBe(pair => pair.First || !pair.Second);
            Flags(stronger).Count(f => f).ShouldBeGreaterThan(Flags(weaker).Count(f => f));
        }
    }

    [Test]
    public void AccessRole_FromViewerToOwner_IsOrderedWeakestFirst()
    {
        RolesWeakestFirst.ShouldBe(RolesWeakestFirst.OrderBy(r => r));
        Enum.GetValues<AccessRole>().ShouldBe(RolesWeakestFirst, ignoreOrder: true);
    }

    [TestCase(AccessRole.Viewer)]
    [TestCase(AccessRole.Editor)]
    [TestCase(AccessRole.Manager)]
    public void IsGrantable_WhenRoleIsViewerEditorOrManager_IsTrue(AccessRole role)
    {
        role.IsGrantable().ShouldBeTrue();
    }

    [Test]
    public void IsGrantable_WhenRoleIsOwner_IsFalse()
    {
        AccessRole.Owner.IsGrantable().ShouldBeFalse();
    }

    private static Capabilities CapabilitiesOf(AccessRole role)
    {
        var asset = Given.AReadyAsset();
        return Given.CapabilitiesOf(asset, Given.APersonWithRole(asset, role));
    }

    private static bool[] Flags(Capabilities c) => [c.CanView, c.CanDownload, c.CanEdit, c.CanShare, c.CanDelete];
}
