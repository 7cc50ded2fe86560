using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Access;
using MediaVault.Application.Access.CheckAccess;
using MediaVault.Application.Access.ExplainAccess;
using MediaVault.Application.Sharing;
using MediaVault.Application.Tests.TestSupport;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Sharing;
using MediaVault.Domain.Users;
using Moq;

namespace MediaVault.Application.Tests.Access;

/// <summary>The explanation and the batch check: both decide through <see cref="AccessDecisions"/> (facts, then paths, then the policy).</summary>
public sealed class AccessHandlersTests
{
    private readonly List<Asset> _stored = [];
    private readonly Dictionary<UserId, List<(AssetId Asset, AccessPath Path)>> _paths = [];
    private readonly Mock<IQueryRunner> _queries = new();

    public AccessHandlersTests()
    {
        _queries.Setup(q => q.Source<Asset>()).Returns(() => _stored.AsQueryable());
        _queries.Setup(q => q.ListAsync(It.IsAny<IQueryable<AssetFactsRow>>(), It.IsAny<CancellationToken>()))
            .Returns((IQueryable<AssetFactsRow> query, CancellationToken _) => Task.FromResult(query.ToList()));
    }

    [Test]
    public async Task Explain_WhenCallerDoesNotSeeTheAsset_ReturnsNotFound()
    {
        var asset = Stored(Build.ReadyAsset());

        var result = await Explain(UserId.New(), asset.Id);

        result.Status.ShouldBe(ResultStatus.NotFound);
    }

    [Test]
    public async Task Explain_WhenTheAssetDoesNotExist_ReturnsNotFound()
    {
        var result = await Explain(UserId.New(), AssetId.New());

        result.Status.ShouldBe(ResultStatus.NotFound);
    }

    [Test]
    public async Task Explain_AboutItself_ReturnsEveryPathStrongestFirst()
    {
        var asset = Stored(Build.ReadyAsset());
        var person = UserId.New();
        var group = new PathVia(GroupId.New().Value, "Family");
        Path(person, asset.Id, new AccessPath(AccessPathKind.Grant, AccessRole.Viewer, AllowDownload: false, GrantId: GrantId.New()));
        Path(person, asset.Id, new AccessPath(AccessPathKind.GroupGrant, AccessRole.Editor, AllowDownload: true, GrantId: GrantId.New(), Group: group));

        var result = await Explain(person, asset.Id);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Value.UserId.ShouldBe(person.Value);
        result.Value.Access.Role.ShouldBe(AccessRole.Editor);
        result.Value.Access.CanDownload.ShouldBeTrue();
        result.Value.Paths.Select(p => p.Kind).ShouldBe([AccessPathKind.GroupGrant, AccessPathKind.Grant]);
        result.Value.Paths[0].Group.ShouldBe(new GroupRefDto(group.Id, "Family"));
    }

    [Test]
    public async Task Explain_AboutSomeoneElse_ByTheOwner_ReturnsTheirDecision()
    {
        var asset = Stored(Build.ReadyAsset());
        var person = UserId.New();
        Path(person, asset.Id, new AccessPath(AccessPathKind.CollectionGrant, AccessRole.Manager, AllowDownload: false, Collection: new PathVia(Guid.NewGuid(), "Album")));

        var result = await Explain(asset.OwnerId, asset.Id, person.Value.ToString());

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Value.UserId.ShouldBe(person.Value);
        result.Value.Access.Role.ShouldBe(AccessRole.Manager);
        result.Value.Access.CanDownload.ShouldBeFalse();
        result.Value.Paths.Single().Collection!.Name.ShouldBe("Album");
    }

    [Test]
    public async Task Explain_AboutSomeoneWithoutAccess_ByAManager_ReturnsNoRoleAndNoPath()
    {
        var asset = Stored(Build.ReadyAsset());
        var manager = UserId.New();
        Path(manager, asset.Id, new AccessPath(AccessPathKind.Grant, AccessRole.Manager, AllowDownload: true));

        var result = await Explain(manager, asset.Id, UserId.New().Value.ToString());

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Value.Access.Role.ShouldBeNull();
        result.Value.Access.CanView.ShouldBeFalse();
        result.Value.Paths.ShouldBeEmpty();
    }

    [TestCase(AccessRole.Editor)]
    [TestCase(AccessRole.Viewer)]
    public async Task Explain_AboutSomeoneElse_ByAnEditorOrViewer_ReturnsForbidden(AccessRole role)
    {
        var asset = Stored(Build.ReadyAsset());
        var grantee = UserId.New();
        Path(grantee, asset.Id, new AccessPath(AccessPathKind.Grant, role, AllowDownload: true));

        var result = await Explain(grantee, asset.Id, asset.OwnerId.Value.ToString());

        result.Status.ShouldBe(ResultStatus.Forbidden);
    }

    [Test]
    public async Task Explain_WithAUserIdThatIsNotAUuid_ReturnsInvalidNamingUserId()
    {
        var asset = Stored(Build.ReadyAsset());

        var result = await Explain(asset.OwnerId, asset.Id, "someone");

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ValidationErrors.Single().Identifier.ShouldBe("userId");
    }

    [Test]
    public async Task Check_AnswersInRequestOrder_WithUnknownAndInvisibleAssetsAsNothing()
    {
        var caller = UserId.New();
        var own = Stored(Build.ReadyAsset(caller));
        var shared = Stored(Build.ReadyAsset());
        Path(caller, shared.Id, new AccessPath(AccessPathKind.GroupGrant, AccessRole.Viewer, AllowDownload: false));
        var invisible = Stored(Build.ReadyAsset());
        var unknown = Guid.NewGuid();
        Guid?[] asked = [invisible.Id.Value, own.Id.Value, unknown, shared.Id.Value, own.Id.Value];

        var result = await Handler<CheckAccessHandler>(caller).HandleAsync(new CheckAccessQuery(asked), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Value.Select(i => (Guid?)i.AssetId).ShouldBe(asked);
        result.Value.Select(i => i.Access.Role).ShouldBe([null, AccessRole.Owner, null, AccessRole.Viewer, AccessRole.Owner]);
        result.Value[0].Access.ShouldBe(result.Value[2].Access);
        result.Value[3].Access.CanDownload.ShouldBeFalse();
    }

    [TestCase(0)]
    [TestCase(101)]
    public async Task Check_WithNoneOrMoreThan100Ids_ReturnsInvalidNamingAssetIds(int count)
    {
        var ids = Enumerable.Range(0, count).Select(_ => (Guid?)Guid.NewGuid()).ToList();

        var result = await Handler<CheckAccessHandler>(UserId.New()).HandleAsync(new CheckAccessQuery(ids), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ValidationErrors.Single().Identifier.ShouldBe("assetIds");
        _queries.Verify(q => q.ListAsync(It.IsAny<IQueryable<AssetFactsRow>>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private Asset Stored(Asset asset)
    {
        _stored.Add(asset);
        return asset;
    }

    private void Path(UserId person, AssetId asset, AccessPath path)
    {
        if (!_paths.TryGetValue(person, out var list))
        {
            _paths[person] = list = [];
        }

        list.Add((asset, path));
    }

    private Task<Result<AccessExplanationDto>> Explain(UserId caller, AssetId asset, string? userId = null) =>
        Handler<ExplainAccessHandler>(caller).HandleAsync(new ExplainAccessQuery(asset.Value, userId), CancellationToken.None);

    private T Handler<T>(UserId caller)
    {
        var paths = new Mock<IAccessPaths>();
        paths.Setup(p => p.ActivePathsAsync(It.IsAny<UserId>(), It.IsAny<IReadOnlyCollection<AssetId>>(), true, It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Returns((UserId person, IReadOnlyCollection<AssetId> assets, bool _, DateTimeOffset _, CancellationToken _) =>
                Task.FromResult(_paths.GetValueOrDefault(person, []).Where(p => assets.Contains(p.Asset)).ToLookup(p => p.Asset, p => p.Path)));
        var decisions = new AccessDecisions(_queries.Object, paths.Object);
        var user = Build.Caller(caller).Object;
        return typeof(T) == typeof(ExplainAccessHandler)
            ? (T)(object)new ExplainAccessHandler(decisions, user, Build.Clock())
            : (T)(object)new CheckAccessHandler(decisions, user, Build.Clock());
    }
}
