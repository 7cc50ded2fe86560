using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets.ListAssets;
using MediaVault.Application.Assets.Specifications;
using MediaVault.Application.Common;
using MediaVault.Application.Tests.TestSupport;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Sharing;
using MediaVault.Domain.Users;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace MediaVault.Application.Tests.Assets;

public sealed class ListAssetsHandlerTests
{
    private readonly FakeTimeProvider _clock = new(Build.Now);
    private readonly Mock<IQueryRunner> _assets = new();
    private readonly UserId _caller = UserId.New();

    [TestCase(0, "limit")]
    [TestCase(101, "limit")]
    public async Task Handle_WhenLimitOutOfRange_ReturnsInvalidForLimit(int limit, string field)
    {
        var result = await Handler().HandleAsync(new ListAssetsQuery(Limit: limit), CancellationToken.None);

        AssertInvalid(result, field);
    }

    [TestCase("scope", "everything")]
    [TestCase("scope", "2")]
    [TestCase("kind", "document")]
    [TestCase("tag", "no spaces allowed")]
    [TestCase("cursor", "forged")]
    public async Task Handle_WhenQueryValueIsUnknown_ReturnsInvalidForThatField(string field, string value)
    {
        var query = field switch
        {
            "scope" => new ListAssetsQuery(Scope: value),
            "kind" => new ListAssetsQuery(Kind: value),
            "tag" => new ListAssetsQuery(Tag: value),
            _ => new ListAssetsQuery(Cursor: value),
        };

        var result = await Handler().HandleAsync(query, CancellationToken.None);

        AssertInvalid(result, field);
        _assets.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Handle_WhenMoreRowsThanLimit_ReturnsLimitItemsAndCursorOfTheLast()
    {
        var rows = Enumerable.Range(0, 3).Select(i => Row(Build.Now.AddMinutes(-i))).ToList();
        Returning(rows);

        var result = await Handler().HandleAsync(new ListAssetsQuery(Limit: 2), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Value.Items.Count.ShouldBe(2);
        KeysetCursor.TryDecode(result.Value.NextCursor, TestCursorSigner.Instance, ListAssetsHandler.CursorList, out var cursor).ShouldBeTrue();
        cursor!.Value.Id.ShouldBe(rows[1].Id.Value);
        cursor.Value.CreatedAt.ShouldBe(rows[1].CreatedAt);
    }

    [Test]
    public async Task Handle_WhenCursorWasIssuedForAnotherList_ReturnsInvalidForCursor()
    {
        var foreign = new KeysetCursor(Build.Now, Guid.NewGuid()).Encode(TestCursorSigner.Instance, "activity");

        var result = await Handler().HandleAsync(new ListAssetsQuery(Cursor: foreign), CancellationToken.None);

        AssertInvalid(result, "cursor");
    }

    [Test]
    public async Task Handle_WhenCursorIsAlteredByOneCharacter_ReturnsInvalidForCursor()
    {
        var issued = new KeysetCursor(Build.Now, Guid.NewGuid()).Encode(TestCursorSigner.Instance, ListAssetsHandler.CursorList);
        var altered = (issued[5] == 'A' ? 'B' : 'A') is var c ? issued[..5] + c + issued[6..] : issued;

        var result = await Handler().HandleAsync(new ListAssetsQuery(Cursor: altered), CancellationToken.None);

        AssertInvalid(result, "cursor");
    }

    [Test]
    public async Task Handle_WhenRowsFitTheLimit_ReturnsNoCursor()
    {
        Returning([Row(Build.Now)]);

        var result = await Handler().HandleAsync(new ListAssetsQuery(), CancellationToken.None);

        result.Value.Items.Count.ShouldBe(1);
        result.Value.NextCursor.ShouldBeNull();
    }

    [Test]
    public async Task Handle_DerivesEachItemsAccessFromTheCallersGrantRole()
    {
        var owned = Row(Build.Now, owner: _caller);
        var viewed = Row(Build.Now.AddMinutes(-1), grantRole: AccessRole.Viewer);
        Returning([owned, viewed]);

        var result = await Handler().HandleAsync(new ListAssetsQuery(), CancellationToken.None);

        result.Value.Items[0].Access.Role.ShouldBe(AccessRole.Owner);
        result.Value.Items[1].Access.Role.ShouldBe(AccessRole.Viewer);
        result.Value.Items[1].Access.CanEdit.ShouldBeFalse();
    }

    [Test]
    public async Task Handle_AsksTheDatabaseForOneRowMoreThanTheLimit()
    {
        var mine = Enumerable.Range(0, 15).Select(_ => Build.ReadyAsset(_caller)).ToList();
        var others = Enumerable.Range(0, 3).Select(_ => Build.ReadyAsset(UserId.New())).ToList();
        IQueryable<AssetListItem>? asked = null;
        Stored([.. mine, .. others]);
        _assets.Setup(r => r.ListAsync(It.IsAny<IQueryable<AssetListItem>>(), It.IsAny<CancellationToken>()))
            .Callback<IQueryable<AssetListItem>, CancellationToken>((query, _) => asked = query)
            .ReturnsAsync([]);

        await Handler().HandleAsync(new ListAssetsQuery(Limit: 10, Scope: "owned"), CancellationToken.None);

        asked.ShouldNotBeNull();
        var rows = asked.ToList();
        rows.Count.ShouldBe(11);
        rows.ShouldAllBe(r => r.OwnerId == _caller);
    }

    [Test]
    public async Task Handle_WhenTheDatabaseHasItsOwnFormOfThePage_SendsOnlyThatOneWithTheRequestAsked()
    {
        var rows = Enumerable.Range(0, 3).Select(i => Row(Build.Now.AddMinutes(-i))).ToList();
        VisiblePageRequest? asked = null;
        var native = new Mock<IVisiblePageSource>();
        native.Setup(n => n.ListAsync(It.IsAny<VisiblePageRequest>(), It.IsAny<CancellationToken>()))
            .Callback<VisiblePageRequest, CancellationToken>((request, _) => asked = request)
            .ReturnsAsync(rows);

        var result = await Handler(native).HandleAsync(new ListAssetsQuery(Scope: "shared", Kind: "video", Q: "  Sunset ", Limit: 2), CancellationToken.None);

        result.Value.Items.Select(i => i.Id).ShouldBe(rows.Take(2).Select(r => r.Id.Value));
        result.Value.NextCursor.ShouldNotBeNull();
        asked.ShouldNotBeNull();
        asked.Person.ShouldBe(_caller);
        asked.Owned.ShouldBeFalse();
        asked.Shared.ShouldBeTrue();
        asked.Kind.ShouldBe(MediaKind.Video);
        asked.Needle.ShouldBe("sunset");
        asked.Take.ShouldBe(3);
        asked.Now.ShouldBe(Build.Now);
        _assets.Verify(r => r.ListAsync(It.IsAny<IQueryable<AssetListItem>>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    // The handler composes its query over the runner's sources; in memory they hold the given assets and nothing else.
    private void Stored(IReadOnlyList<Asset> assets)
    {
        _assets.Setup(r => r.Source<Asset>()).Returns(assets.AsQueryable());
        _assets.Setup(r => r.Source<ShareGrant>()).Returns(Array.Empty<ShareGrant>().AsQueryable());
        _assets.Setup(r => r.Source<GroupMember>()).Returns(Array.Empty<GroupMember>().AsQueryable());
        _assets.Setup(r => r.Source<Group>()).Returns(Array.Empty<Group>().AsQueryable());
        _assets.Setup(r => r.Source<Collection>()).Returns(Array.Empty<Collection>().AsQueryable());
        _assets.Setup(r => r.Source<CollectionEntry>()).Returns(Array.Empty<CollectionEntry>().AsQueryable());
        _assets.Setup(r => r.Source<CollectionGrant>()).Returns(Array.Empty<CollectionGrant>().AsQueryable());
    }

    private void Returning(List<AssetListItem> rows)
    {
        Stored([]);
        _assets.Setup(r => r.ListAsync(It.IsAny<IQueryable<AssetListItem>>(), It.IsAny<CancellationToken>())).ReturnsAsync(rows);
    }

    private static void AssertInvalid<T>(Result<T> result, string field)
    {
        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ValidationErrors.Select(e => e.Identifier).ShouldContain(field);
    }

    private static AssetListItem Row(DateTimeOffset createdAt, UserId? owner = null, AccessRole? grantRole = null) => new(
        AssetId.New(), owner ?? UserId.New(), "t", null, "f.mp4", "video/mp4", MediaKind.Video, 10, null, AssetStatus.Ready, [], createdAt, createdAt, Domain.Assets.Media.AssetIntegrity.Unverified, true, (int?)grantRole, true, null, false);

    private ListAssetsHandler Handler(Mock<IVisiblePageSource>? native = null)
    {
        // No provider-specific form unless given: the LINQ form of the page is what these tests compose.
        if (native is null)
        {
            native = new Mock<IVisiblePageSource>();
            native.Setup(n => n.ListAsync(It.IsAny<VisiblePageRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync((List<AssetListItem>?)null);
        }

        return new(_assets.Object, native.Object, Build.Caller(_caller).Object, _clock, TestCursorSigner.Instance);
    }
}
