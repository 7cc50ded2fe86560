using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Events;
using MediaVault.Domain.Assets.Rules;
using MediaVault.Domain.Tests.TestSupport;
using MediaVault.Domain.Users;
using static MediaVault.Domain.Tests.TestSupport.DomainAssert;

namespace MediaVault.Domain.Tests.Assets;

public sealed class UpdateDetailsTests
{
    private static readonly DateTimeOffset Later = Given.Now.AddHours(1);

    [TestCase(AccessRole.Owner)]
    [TestCase(AccessRole.Manager)]
    [TestCase(AccessRole.Editor)]
    public void UpdateDetails_WhenCallerIsOwnerManagerOrEditor_ChangesDetails(AccessRole role)
    {
        var asset = Given.AReadyAsset();
        var actor = Given.APersonWithRole(asset, role);
        var tags = new[] { Tag.Create("beach") };

        asset.UpdateDetails(actor, Given.CapabilitiesOf(asset, actor), "Beach", "At dawn", tags, Later);

        asset.Title.ShouldBe("Beach");
        asset.Description.ShouldBe("At dawn");
        asset.Tags.ShouldBe(tags);
        asset.UpdatedAt.ShouldBe(Later);
    }

    [Test]
    public void UpdateDetails_WhenCallerIsViewer_BreaksOnlyEditorsCanEditAssetRule()
    {
        var asset = Given.AReadyAsset();
        var viewer = Given.AGrantee(asset, AccessRole.Viewer);

        AssertBrokenRule<OnlyEditorsCanEditAsset>(
            () => asset.UpdateDetails(viewer, Given.CapabilitiesOf(asset, viewer), "Beach", null, null, Later));
    }

    [Test]
    public void UpdateDetails_WhenCallerIsStranger_BreaksOnlyEditorsCanEditAssetRule()
    {
        var asset = Given.AReadyAsset();
        var stranger = UserId.New();

        AssertBrokenRule<OnlyEditorsCanEditAsset>(
            () => asset.UpdateDetails(stranger, Given.CapabilitiesOf(asset, stranger), "Beach", null, null, Later));
    }

    [Test]
    public void UpdateDetails_WhenEditorsGrantHasExpired_BreaksOnlyEditorsCanEditAssetRule()
    {
        var asset = Given.AReadyAsset();
        var editor = Given.AGrantee(asset, AccessRole.Editor, expiresAt: Given.Now.AddMinutes(10));
        var afterExpiry = AccessPolicy.Evaluate(asset, editor, Given.Now.AddMinutes(10));

        AssertBrokenRule<OnlyEditorsCanEditAsset>(() => asset.UpdateDetails(editor, afterExpiry, "Beach", null, null, Later));
    }

    [Test]
    public void UpdateDetails_WhenArgumentIsNull_LeavesThatDetailAsItIs()
    {
        var asset = Given.AReadyAsset();
        var owner = Given.OwnerCapabilities(asset);
        asset.UpdateDetails(asset.OwnerId, owner, "Beach", "At dawn", [Tag.Create("sea")], Given.Now);
        var tagsBefore = asset.Tags.ToList();

        asset.UpdateDetails(asset.OwnerId, owner, null, null, null, Later);

        asset.Title.ShouldBe("Beach");
        asset.Description.ShouldBe("At dawn");
        asset.Tags.ShouldBe(tagsBefore);
    }

    [TestCase("")]
    [TestCase("   ")]
    public void UpdateDetails_WhenTitleIsBlank_KeepsCurrentTitle(string title)
    {
        var asset = Given.AReadyAsset();
        var titleBefore = asset.Title;

        asset.UpdateDetails(asset.OwnerId, Given.OwnerCapabilities(asset), title, null, null, Later);

        asset.Title.ShouldBe(titleBefore);
    }

    [TestCase("")]
    [TestCase("   ")]
    public void UpdateDetails_WhenDescriptionIsBlank_ClearsDescription(string description)
    {
        var asset = Given.AReadyAsset();
        var owner = Given.OwnerCapabilities(asset);
        asset.UpdateDetails(asset.OwnerId, owner, null, "At dawn", null, Given.Now);

        asset.UpdateDetails(asset.OwnerId, owner, null, description, null, Later);

        asset.Description.ShouldBeNull();
    }

    [Test]
    public void UpdateDetails_WhenSomethingChanges_RaisesAssetUpdatedNamingChangedFields()
    {
        var asset = Given.AReadyAsset();
        var editor = Given.AGrantee(asset, AccessRole.Editor);

        asset.UpdateDetails(editor, Given.CapabilitiesOf(asset, editor), "Beach", null, [Tag.Create("sea")], Later);

        var updated = AssertRaised<AssetUpdated>(asset);
        updated.AssetId.ShouldBe(asset.Id);
        updated.ActorId.ShouldBe(editor);
        updated.ChangedFields.ShouldBe(["title", "tags"], ignoreOrder: true);
        updated.OccurredAt.ShouldBe(Later);
    }

    [Test]
    public void UpdateDetails_WhenNothingChanges_RaisesNothingAndKeepsUpdatedAt()
    {
        var asset = Given.AReadyAsset();
        var owner = Given.OwnerCapabilities(asset);
        asset.UpdateDetails(asset.OwnerId, owner, "Beach", "At dawn", [Tag.Create("sea"), Tag.Create("sun")], Given.Now);
        asset.ClearDomainEvents();
        var updatedAt = asset.UpdatedAt;

        asset.UpdateDetails(asset.OwnerId, owner, " Beach ", "At dawn", [Tag.Create("sun"), Tag.Create("sea")], Later);

        AssertNothingRaised(asset);
        asset.UpdatedAt.ShouldBe(updatedAt);
    }

    [Test]
    public void UpdateDetails_WhenTagsRepeat_KeepsEachTagOnce()
    {
        var asset = Given.AReadyAsset();

        asset.UpdateDetails(asset.OwnerId, Given.OwnerCapabilities(asset), null, null, [Tag.Create("sea"), Tag.Create("SEA")], Later);

        asset.Tags.ShouldHaveSingleItem().ShouldBe(Tag.Create("sea"));
    }

    [Test]
    public void UpdateDetails_WhenMoreTagsThanAllowed_BreaksTagsPerAssetMustBeLimitedRule()
    {
        var asset = Given.AReadyAsset();
        var tags = Enumerable.Range(0, Tag.MaxPerAsset + 1).Select(i => Tag.Create($"tag{i}")).ToList();

        AssertBrokenRule<TagsPerAssetMustBeLimited>(
            () => asset.UpdateDetails(asset.OwnerId, Given.OwnerCapabilities(asset), null, null, tags, Later));
        asset.Tags.ShouldBeEmpty();
    }
}
