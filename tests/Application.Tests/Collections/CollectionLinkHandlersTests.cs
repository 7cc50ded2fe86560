using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Collections.Links.CreateCollectionLink;
using MediaVault.Application.Collections.Links.RevokeCollectionLink;
using MediaVault.Application.Sharing;
using MediaVault.Application.Tests.TestSupport;
using MediaVault.Domain.Access;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Sharing;
using MediaVault.Domain.Users;
using Moq;

namespace MediaVault.Application.Tests.Collections;

public sealed class CollectionLinkHandlersTests
{
    private readonly UserId _owner = UserId.New();
    private readonly UserId _editor = UserId.New();
    private readonly UserId _stranger = UserId.New();
    private readonly Mock<IRepository<ShareLink>> _links = new();
    private Collection _collection = null!;

    [SetUp]
    public void Arrange()
    {
        _collection = Collection.Create("Summer", null, _owner, Build.Now.AddDays(-1));
        _collection.ShareWith(new Memberships(_owner, new HashSet<GroupId>()), Grantee.OfPerson(_editor), AccessRole.Editor, true, null, Build.Now.AddHours(-1));
        _collection.ClearDomainEvents();
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("asset")]
    [TestCase("album")]
    public async Task Create_WhenKindIsMissingOrNotViewOrUpload_IsInvalidOnKindAndAddsNothing(string? kind)
    {
        var result = await Create(_owner).HandleAsync(Command(kind), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ValidationErrors.Select(e => e.Identifier).ShouldBe(["kind"]);
        _links.Verify(l => l.AddAsync(It.IsAny<ShareLink>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Create_WhenCallerDoesNotSeeTheCollection_IsNotFoundBeforeTheBodyIsChecked()
    {
        var result = await Create(_stranger).HandleAsync(Command("bogus"), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.NotFound);
    }

    [Test]
    public async Task Create_WhenCallerIsAnEditor_IsForbidden()
    {
        var result = await Create(_editor).HandleAsync(Command("view"), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Forbidden);
    }

    [TestCase("view", null, 2, null, "maxUploads")]
    [TestCase("upload", 2, null, null, "maxDownloads")]
    [TestCase("upload", null, null, false, "allowDownload")]
    [TestCase("view", 0, null, null, "maxDownloads")]
    [TestCase("upload", null, 0, null, "maxUploads")]
    public async Task Create_WhenALimitDoesNotFitOrIsBelowOne_IsInvalidNamingIt(string kind, int? maxDownloads, int? maxUploads, bool? allowDownload, string field)
    {
        var result = await Create(_owner).HandleAsync(
            Command(kind) with { MaxDownloads = maxDownloads, MaxUploads = maxUploads, AllowDownload = allowDownload }, CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.ValidationErrors.Select(e => e.Identifier).ShouldBe([field]);
    }

    [Test]
    public async Task Create_WithoutExpiresAtUnderADefaultExpiry_GivesTheLinkThatExpiryAndShowsTheTokenOnce()
    {
        var result = await Create(_owner, new LinkSettings(8, DefaultExpiryDays: 7)).HandleAsync(Command("View"), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Value.Link.Kind.ShouldBe(LinkKind.View);
        result.Value.Link.Link.ExpiresAt.ShouldBe(Build.Now.AddDays(7));
        result.Value.Url.ShouldBe(new Uri($"https://media.example/l/{result.Value.Token}"));
        _links.Verify(l => l.AddAsync(It.Is<ShareLink>(s => s.TokenHash == LinkTokens.Hash(result.Value.Token) && s.CollectionId == _collection.Id), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Revoke_WhenTheLinkIsOfAnotherCollectionOrRevoked_IsNotFoundAndSavesNothing()
    {
        _links.Setup(l => l.FirstOrDefaultAsync(It.IsAny<Ardalis.Specification.ISpecification<ShareLink>>(), It.IsAny<CancellationToken>())).ReturnsAsync((ShareLink?)null);
        var handler = new RevokeCollectionLinkHandler(Collections().Object, _links.Object, Queries().Object, Build.Caller(_owner).Object, Build.Clock());

        var result = await handler.HandleAsync(new RevokeCollectionLinkCommand(_collection.Id.Value, Guid.NewGuid()), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.NotFound);
        _links.Verify(l => l.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Revoke_ByAnEditor_IsForbiddenBeforeTheLinkIsLookedFor()
    {
        var handler = new RevokeCollectionLinkHandler(Collections().Object, _links.Object, Queries().Object, Build.Caller(_editor).Object, Build.Clock());

        var result = await handler.HandleAsync(new RevokeCollectionLinkCommand(_collection.Id.Value, Guid.NewGuid()), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Forbidden);
        _links.VerifyNoOtherCalls();
    }

    private CreateCollectionLinkCommand Command(string? kind) => new(_collection.Id.Value, kind, null, null, null, null, null);

    private CreateCollectionLinkHandler Create(UserId caller, LinkSettings? settings = null) => new(
        Collections().Object,
        _links.Object,
        Queries().Object,
        Mock.Of<ISecretHasher>(),
        Urls(),
        Build.Caller(caller).Object,
        Build.Clock(),
        settings ?? new LinkSettings(8));

    private static IShareLinkUrls Urls()
    {
        var urls = new Mock<IShareLinkUrls>();
        urls.Setup(u => u.ForToken(It.IsAny<string>())).Returns((string token) => new Uri($"https://media.example/l/{token}"));
        return urls.Object;
    }

    private Mock<IReadRepository<Collection>> Collections() => Build.Finding<IReadRepository<Collection>, Collection>(_collection);

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
