using MediaVault.Domain.Activity;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Tests.TestSupport;
using MediaVault.Domain.Users;

namespace MediaVault.Domain.Tests.Activity;

public sealed class RecordActivityTests
{
    [Test]
    public void Record_WhenSomeoneActs_KeepsWhoDidWhatAndWhen()
    {
        var assetId = AssetId.New();
        var actor = UserId.New();

        var entry = ActivityEntry.Record(assetId, actor, "grant.created", """{"role":"viewer"}""", Given.Now);

        entry.AssetId.ShouldBe(assetId);
        entry.ActorId.ShouldBe(actor);
        entry.Action.ShouldBe("grant.created");
        entry.Details.ShouldBe("""{"role":"viewer"}""");
        entry.At.ShouldBe(Given.Now);
    }

    [Test]
    public void Record_WhenAnAnonymousLinkHolderActs_RecordsNoActor()
    {
        var entry = ActivityEntry.Record(AssetId.New(), null, "link.downloaded", "{}", Given.Now);

        entry.ActorId.ShouldBeNull();
    }

    [TestCase("")]
    [TestCase("   ")]
    public void Record_WhenActionIsMissing_IsRefused(string action)
    {
        Should.Throw<ArgumentException>(() => ActivityEntry.Record(AssetId.New(), UserId.New(), action, "{}", Given.Now));
    }

    [Test]
    public void Record_WhenTwoEntriesAreRecorded_GivesEachItsOwnId()
    {
        var assetId = AssetId.New();

        var first = ActivityEntry.Record(assetId, null, "asset.created", "{}", Given.Now);
        var second = ActivityEntry.Record(assetId, null, "asset.created", "{}", Given.Now);

        first.Id.ShouldNotBe(second.Id);
    }
}
