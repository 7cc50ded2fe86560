using System.Net.Http.Json;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Users;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;
using static MediaVault.Integration.Tests.Support.SeedSharing;

namespace MediaVault.Integration.Tests.Access;

/// <summary>
/// <c>GET /assets?q=…</c> finds a shared asset by its current title, description and file name whichever path shares it
/// (a grant to the person, to a group of theirs, a collection granted to them), on both databases. On PostgreSQL the
/// arms skip rows by a signature of the asset's text copied onto the grant and entry rows (ADR-087), so these are the
/// rules that copy must keep: a text change reaches every path, a path added after a change carries the new text, and
/// a needle too short for a signature still finds everything.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class SearchThroughEveryPathTests(DatabaseProvider provider)
{
    private MediaVaultApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await MediaVaultApi.StartAsync(provider);

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task Search_AfterTheOwnerChangesTheTitleAndDescription_FindsTheAssetByTheNewTextOnEveryPathAndNotByTheOld()
    {
        var (owner, asset, readers) = await SharedThreeWaysAsync("Harbour at dawn");

        foreach (var reader in readers)
        {
            (await SearchAsync(reader, "harbour")).ShouldBe([asset.Id.Value]);
            (await SearchAsync(reader, "zebra")).ShouldBeEmpty();
        }

        using var ownerClient = _api.ClientFor(owner.Value);
        await (await ownerClient.PatchAsJsonAsync(Url($"/api/v1/assets/{asset.Id}"), new { title = "Zebra crossing", description = "Black and white stripes" }))
            .ShouldBeJsonAsync();

        foreach (var reader in readers)
        {
            (await SearchAsync(reader, "zebra")).ShouldBe([asset.Id.Value]);
            (await SearchAsync(reader, "stripes")).ShouldBe([asset.Id.Value]);
            (await SearchAsync(reader, "harbour")).ShouldBeEmpty();
        }
    }

    [Test]
    public async Task Search_ThroughPathsAddedAfterTheTextChanged_FindsTheAssetByItsCurrentText()
    {
        var owner = await _api.OwnerAsync();
        var asset = await _api.AssetAsync(owner, fileName: "IMG_4711.jpg", title: "Lighthouse");
        using var ownerClient = _api.ClientFor(owner.Value);
        await (await ownerClient.PatchAsJsonAsync(Url($"/api/v1/assets/{asset.Id}"), new { title = "Quayside market" })).ShouldBeJsonAsync();

        var readers = await ShareThreeWaysAsync(owner, asset.Id);

        foreach (var reader in readers)
        {
            (await SearchAsync(reader, "quayside")).ShouldBe([asset.Id.Value]);
            (await SearchAsync(reader, "img_4711")).ShouldBe([asset.Id.Value]);
            (await SearchAsync(reader, "lighthouse")).ShouldBeEmpty();
        }
    }

    [Test]
    public async Task Search_WithANeedleShorterThanThreeCharacters_FindsTheAssetOnEveryPath()
    {
        var (_, asset, readers) = await SharedThreeWaysAsync("Ox cart");

        foreach (var reader in readers)
        {
            (await SearchAsync(reader, "ox")).ShouldBe([asset.Id.Value]);
            (await SearchAsync(reader, "T")).ShouldBe([asset.Id.Value]);
        }
    }

    [Test]
    public async Task Search_ForTextThatSpansTwoFields_FindsNothing()
    {
        // Title "Red" and description "Door": the needle "reddoor" is in neither field, though every one of its
        // three-character pieces but those across the join is in one of them.
        var owner = await _api.OwnerAsync();
        var asset = await _api.AssetAsync(owner, title: "Red", description: "Door");
        var readers = await ShareThreeWaysAsync(owner, asset.Id);

        foreach (var reader in readers)
        {
            (await SearchAsync(reader, "reddoor")).ShouldBeEmpty();
            (await SearchAsync(reader, "door")).ShouldBe([asset.Id.Value]);
        }
    }

    [Test]
    public async Task Search_ForANeedleWhosePiecesAreAllInTheTextButNeverTogether_FindsNothing()
    {
        // "abc", "bcd" and "cde" are all in "Abcd xcde", "abcde" is not: a signature of the pieces lets the row through,
        // the text itself decides.
        var (_, asset, readers) = await SharedThreeWaysAsync("Abcd xcde");

        foreach (var reader in readers)
        {
            (await SearchAsync(reader, "abcde")).ShouldBeEmpty();
            (await SearchAsync(reader, "xcde")).ShouldBe([asset.Id.Value]);
        }
    }

    /// <summary>An asset of a fresh owner titled <paramref name="title"/>, shared with three fresh people by the three paths.</summary>
    private async Task<(UserId Owner, Asset Asset, UserId[] Readers)> SharedThreeWaysAsync(string title)
    {
        var owner = await _api.OwnerAsync();
        var asset = await _api.AssetAsync(owner, title: title);
        return (owner, asset, await ShareThreeWaysAsync(owner, asset.Id));
    }

    /// <summary>A viewer by a personal grant, a member of a group granted the asset, a viewer of a collection holding it.</summary>
    private async Task<UserId[]> ShareThreeWaysAsync(UserId owner, AssetId assetId)
    {
        var direct = await _api.OwnerAsync();
        var member = await _api.OwnerAsync();
        var collector = await _api.OwnerAsync();
        await _api.ShareAsync(assetId, Grantee.OfPerson(direct), AccessRole.Viewer);
        var group = await _api.GroupAsync(owner, member);
        await _api.ShareAsync(assetId, Grantee.OfGroup(group.Id), AccessRole.Viewer);
        await _api.CollectionAsync(owner, [assetId], Grantee.OfPerson(collector), AccessRole.Viewer);
        return [direct, member, collector];
    }

    private async Task<List<Guid>> SearchAsync(UserId reader, string needle)
    {
        using var client = _api.ClientFor(reader.Value);
        var page = await (await client.GetAsync(Url($"/api/v1/assets?scope=shared&q={Uri.EscapeDataString(needle)}"))).ShouldBeJsonAsync();
        return [.. page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid())];
    }
}
