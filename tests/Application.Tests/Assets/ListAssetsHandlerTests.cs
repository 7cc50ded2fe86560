using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets.ListAssets;
using MediaVault.Application.Assets.Specifications;
using MediaVault.Application.Common;
using MediaVault.Application.Tests.TestSupport;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
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
        _assets.Setup(r => r.ListAsync(It.IsAny<Func<IQueryable<Asset>, IQueryable<AssetListItem>>>(), It.IsAny<CancellationToken>())).ReturnsAsync(rows);

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
        _assets.Setup(r => r.ListAsync(It.IsAny<Func<IQueryable<Asset>, IQueryable<AssetListItem>>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([Row(Build.Now)]);

        var result = await Handler().HandleAsync(new ListAssetsQuery(), CancellationToken.None);

        result.Value.Items.Count.ShouldBe(1);
        result.Value.NextCursor.ShouldBeNull();
    }

    [Test]
    public async Task Handle_DerivesEachItemsAccessFromTheCallersGrantRole()
    {
        var owned = Row(Build.Now, owner: _caller);
        var viewed = Row(Build.Now.AddMinutes(-1), grantRole: AccessRole.Viewer);
        _assets.Setup(r => r.ListAsync(It.IsAny<Func<IQueryable<Asset>, IQueryable<AssetListItem>>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([owned, viewed]);

        var result = await Handler().HandleAsync(new ListAssetsQuery(), CancellationToken.None);

        result.Value.Items[0].Access.Role.ShouldBe(AccessRole.Owner);
        result.Value.Items[1].Access.Role.ShouldBe(AccessRole.Viewer);
        result.Value.Items[1].Access.CanEdit.ShouldBeFalse();
    }

    [Test]
    public async Task Handle_AsksTheDatabaseForOneRowMoreThanTheLimit()
    {
        Func<IQueryable<Asset>, IQueryable<AssetListItem>>? asked = null;
        _assets.Setup(r => r.ListAsync(It.IsAny<Func<IQueryable<Asset>, IQueryable<AssetListItem>>>(), It.IsAny<CancellationToken>()))
            .Callback<Func<IQueryable<Asset>, IQueryable<AssetListItem>>, CancellationToken>((query, _) => asked = query)
            .ReturnsAsync([]);

        await Handler().HandleAsync(new ListAssetsQuery(Limit: 10, Scope: "owned"), CancellationToken.None);

        asked.ShouldNotBeNull();
        var mine = Enumerable.Range(0, 15).Select(_ => Build.ReadyAsset(_caller)).ToList();
        var others = Enumerable.Range(0, 3).Select(_ => Build.ReadyAsset(UserId.New())).ToList();
        var rows = asked(mine.Concat(others).AsQueryable()).ToList();
        rows.Count.ShouldBe(11);
        rows.ShouldAllBe(r => r.OwnerId == _caller);
    }

    private static void AssertInvalid<T>(Result<T> result, string field)
    {
        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ValidationErrors.Select(e => e.Identifier).ShouldContain(field);
    }

    private static AssetListItem Row(DateTimeOffset createdAt, UserId? owner = null, AccessRole? grantRole = null) => new(
        AssetId.New(), owner ?? UserId.New(), "t", null, "f.mp4", "video/mp4", MediaKind.Video, 10, null, AssetStatus.Ready, [], createdAt, createdAt, Domain.Assets.Media.AssetIntegrity.Unverified, true, (int?)grantRole, true, null, false);

    private ListAssetsHandler Handler() => new(_assets.Object, Build.Caller(_caller).Object, _clock, TestCursorSigner.Instance);
}
