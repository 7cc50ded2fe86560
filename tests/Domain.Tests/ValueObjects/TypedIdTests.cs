using MediaVault.Domain.Assets;
using MediaVault.Domain.Sharing;
using MediaVault.Domain.Users;

namespace MediaVault.Domain.Tests.ValueObjects;

public sealed class TypedIdTests
{
    [Test]
    public void New_WhenCalled_GivesTimeOrderedVersion7Guids()
    {
        var ids = new[] { AssetId.New().Value, UserId.New().Value, GrantId.New().Value, LinkId.New().Value };

        ids.ShouldAllBe(id => id.Version == 7);
        ids.Distinct().Count().ShouldBe(ids.Length);
    }

    [Test]
    public void ToString_WhenCalled_IsTheGuid()
    {
        var id = AssetId.New();

        id.ToString().ShouldBe(id.Value.ToString());
    }
}
