using Ardalis.Result;
using Ardalis.Specification;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Collections;
using MediaVault.Application.Collections.AddCollectionAssets;
using MediaVault.Application.Collections.CreateCollection;
using MediaVault.Application.Collections.DeleteCollection;
using MediaVault.Application.Collections.RevokeCollectionGrant;
using MediaVault.Application.Collections.UpdateCollection;
using MediaVault.Application.Tests.TestSupport;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Collections.Rules;
using MediaVault.Domain.Common;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Users;
using Moq;

namespace MediaVault.Application.Tests.Collections;

public sealed class CollectionHandlersTests
{
    private readonly UserId _owner = UserId.New();
    private readonly UserId _editor = UserId.New();
    private readonly UserId _viewer = UserId.New();
    private readonly UserId _stranger = UserId.New();
    private Collection _collection = null!;
    private Mock<IRepository<Collection>> _collections = null!;

    [SetUp]
    public void Arrange()
    {
        var owner = new Memberships(_owner, new HashSet<GroupId>());
        _collection = Collection.Create("Summer", null, _owner, Build.Now.AddDays(-1));
        _collection.ShareWith(owner, Grantee.OfPerson(_editor), AccessRole.Editor, true, null, Build.Now.AddHours(-2));
        _collection.ShareWith(owner, Grantee.OfPerson(_viewer), AccessRole.Viewer, true, null, Build.Now.AddHours(-1));
        _collection.ClearDomainEvents();
        _collections = Build.Finding<IRepository<Collection>, Collection>(_collection);
    }

    [Test]
    public void RuleOutcomes_ForEveryCollectionRule_SayWhatItMeansToACaller()
    {
        var rules = typeof(Collection).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(OnlyGranteesSeeCollection).Namespace && typeof(IBusinessRule).IsAssignableFrom(t))
            .ToList();

        rules.ShouldNotBeEmpty();
        rules.ShouldAllBe(rule => CollectionRuleOutcomes.Rules.Contains(rule));
    }

    [Test]
    public async Task Create_WhenNameIsValid_AddsACollectionOwnedByTheCallerWithEveryRight()
    {
        var collections = new Mock<IRepository<Collection>>();
        var handler = new CreateCollectionHandler(collections.Object, Build.Caller(_owner).Object, Build.Clock());

        var result = await handler.HandleAsync(new CreateCollectionCommand(" Summer ", null), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Value.Name.ShouldBe("Summer");
        result.Value.AssetCount.ShouldBe(0);
        result.Value.Access.Role.ShouldBe(AccessRole.Owner);
        result.Value.Access.CanDelete.ShouldBeTrue();
        collections.Verify(r => r.AddAsync(It.Is<Collection>(c => c.OwnerId == _owner), It.IsAny<CancellationToken>()), Times.Once);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("two\nlines")]
    public async Task Create_WhenNameIsMissingOrNotOneLine_IsInvalidOnName(string? name)
    {
        var collections = new Mock<IRepository<Collection>>();
        var handler = new CreateCollectionHandler(collections.Object, Build.Caller(_owner).Object, Build.Clock());

        var result = await handler.HandleAsync(new CreateCollectionCommand(name, null), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ValidationErrors.Single().Identifier.ShouldBe("name");
        collections.Verify(r => r.AddAsync(It.IsAny<Collection>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Update_ByViewer_IsForbiddenAndSavesNothing()
    {
        var result = await new UpdateCollectionHandler(_collections.Object, Queries().Object, Build.Caller(_viewer).Object, Build.Clock())
            .HandleAsync(new UpdateCollectionCommand(_collection.Id.Value, "Renamed", null), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Forbidden);
        _collection.Name.ShouldBe("Summer");
        _collections.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Update_ByStrangerWithBadInput_IsNotFound()
    {
        var result = await new UpdateCollectionHandler(_collections.Object, Queries().Object, Build.Caller(_stranger).Object, Build.Clock())
            .HandleAsync(new UpdateCollectionCommand(_collection.Id.Value, "two\nlines", null), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.NotFound);
    }

    [Test]
    public async Task Delete_ByEditor_IsForbidden_AndByOwner_DeletesIt()
    {
        var byEditor = await new DeleteCollectionHandler(_collections.Object, Queries().Object, Build.Caller(_editor).Object, Build.Clock())
            .HandleAsync(new DeleteCollectionCommand(_collection.Id.Value), CancellationToken.None);
        var byOwner = await new DeleteCollectionHandler(_collections.Object, Queries().Object, Build.Caller(_owner).Object, Build.Clock())
            .HandleAsync(new DeleteCollectionCommand(_collection.Id.Value), CancellationToken.None);

        byEditor.Status.ShouldBe(ResultStatus.Forbidden);
        byOwner.Status.ShouldBe(ResultStatus.Ok);
        _collections.Verify(r => r.DeleteAsync(_collection, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task AddAssets_WhenTheEditorMayNotShareAnAsset_IsForbiddenAndAddsNothing()
    {
        var own = Build.ReadyAsset(_editor);
        var viewedOnly = Build.ReadyAsset();
        Build.Grantee(viewedOnly, AccessRole.Editor, grantee: _editor);
        var assets = new Mock<IReadRepository<Asset>>();
        assets.Setup(r => r.ListAsync(It.IsAny<ISpecification<Asset>>(), It.IsAny<CancellationToken>())).ReturnsAsync([own, viewedOnly]);
        var paths = new Mock<IAccessPaths>();
        paths.Setup(p => p.ActivePathsAsync(_editor, It.IsAny<IReadOnlyCollection<AssetId>>(), false, Build.Now, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Array.Empty<AccessPath>().ToLookup(_ => default(AssetId)));
        var handler = new AddCollectionAssetsHandler(_collections.Object, assets.Object, paths.Object, Queries().Object, Build.Caller(_editor).Object, Build.Clock());

        var result = await handler.HandleAsync(new AddCollectionAssetsCommand(_collection.Id.Value, [own.Id.Value, viewedOnly.Id.Value]), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Forbidden);
        _collection.Entries.ShouldBeEmpty();
        _collections.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task AddAssets_WhenTheListIsEmpty_IsInvalidOnAssetIds()
    {
        var handler = new AddCollectionAssetsHandler(
            _collections.Object, new Mock<IReadRepository<Asset>>().Object, new Mock<IAccessPaths>().Object, Queries().Object, Build.Caller(_owner).Object, Build.Clock());

        var result = await handler.HandleAsync(new AddCollectionAssetsCommand(_collection.Id.Value, []), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ValidationErrors.Single().Identifier.ShouldBe("assetIds");
    }

    [Test]
    public async Task RevokeGrant_OfAnUnknownGrantByAViewer_IsForbidden()
    {
        var result = await new RevokeCollectionGrantHandler(_collections.Object, Queries().Object, Build.Caller(_viewer).Object, Build.Clock())
            .HandleAsync(new RevokeCollectionGrantCommand(_collection.Id.Value, Guid.NewGuid()), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Forbidden);
    }

    [Test]
    public async Task RevokeGrant_OfItsOwnGrantByTheViewer_RevokesAndSaves()
    {
        var grant = _collection.Grants.Single(g => g.GranteeId == _viewer);

        var result = await new RevokeCollectionGrantHandler(_collections.Object, Queries().Object, Build.Caller(_viewer).Object, Build.Clock())
            .HandleAsync(new RevokeCollectionGrantCommand(_collection.Id.Value, grant.Id.Value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        grant.IsRevoked.ShouldBeTrue();
        _collections.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    /// <summary>A read port over no stored memberships: callers belong to no group.</summary>
    private static Mock<IQueryRunner> Queries()
    {
        var queries = new Mock<IQueryRunner>();
        queries.Setup(q => q.Source<GroupMember>()).Returns(Array.Empty<GroupMember>().AsQueryable());
        queries.Setup(q => q.ListAsync(It.IsAny<IQueryable<GroupId>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IQueryable<GroupId> query, CancellationToken _) => query.ToList());
        return queries;
    }
}
