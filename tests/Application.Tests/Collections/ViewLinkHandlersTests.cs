using Ardalis.Result;
using Ardalis.Specification;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets;
using MediaVault.Application.Collections.Links.DownloadLinkAsset;
using MediaVault.Application.Collections.Links.GetLinkAssetRendition;
using MediaVault.Application.Sharing;
using MediaVault.Application.Tests.TestSupport;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Sharing;
using Moq;

namespace MediaVault.Application.Tests.Collections;

public sealed class ViewLinkHandlersTests
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(5);
    private readonly string _token = LinkTokens.New();
    private readonly Asset _asset = Build.ReadyAsset();
    private readonly Mock<IRepository<ShareLink>> _links = new();
    private readonly Mock<IUnitOfWork> _unitOfWork = new();
    private readonly Mock<IUnitOfWorkTransaction> _transaction = new();
    private readonly Mock<ILinkDownloadCounter> _counter = new();
    private readonly Mock<IObjectStorage> _storage = new();
    private Collection _collection = null!;

    [SetUp]
    public void Arrange()
    {
        _collection = Collection.Create("Summer", null, _asset.OwnerId, Build.Now.AddDays(-1));
        _unitOfWork.Setup(u => u.BeginTransactionAsync(It.IsAny<CancellationToken>())).ReturnsAsync(_transaction.Object);
        _storage.Setup(s => s.PresignGetAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<DownloadDisposition>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string key, string _, string _, DownloadDisposition _, DateTimeOffset _, CancellationToken _) => new Uri($"https://store.example/{key}"));
    }

    [Test]
    public async Task Download_WhenTheLinkGivesRenditionsOnly_IsForbiddenAndCountsNothing()
    {
        var link = ViewLink(new LinkLimits(AllowDownload: false));

        var result = (await Download(link).HandleAsync(new DownloadLinkAssetCommand(_token, _asset.Id.Value, null), CancellationToken.None)).Outcome;

        result.Status.ShouldBe(ResultStatus.Forbidden);
        result.Errors.ShouldBe([DownloadLinkAssetHandler.RenditionsOnly]);
        _counter.VerifyNoOtherCalls();
        _storage.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Download_WhenAnotherHolderTookTheLastDownload_IsForbiddenAndCommitsNothing()
    {
        var link = ViewLink(new LinkLimits(MaxDownloads: 1));
        _counter.Setup(c => c.TryCountDownloadAsync(link.Id, Build.Now, It.IsAny<CancellationToken>())).ReturnsAsync((int?)null);

        var result = (await Download(link).HandleAsync(new DownloadLinkAssetCommand(_token, _asset.Id.Value, null), CancellationToken.None)).Outcome;

        result.Status.ShouldBe(ResultStatus.Forbidden);
        _links.Verify(l => l.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
        _transaction.Verify(t => t.CommitAsync(It.IsAny<CancellationToken>()), Times.Never);
        _storage.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Download_OfAnAssetTheLinkDoesNotList_IsNotFound()
    {
        var link = ViewLink(new LinkLimits());

        var result = (await Download(link, listed: false).HandleAsync(new DownloadLinkAssetCommand(_token, _asset.Id.Value, null), CancellationToken.None)).Outcome;

        result.Status.ShouldBe(ResultStatus.NotFound);
        _counter.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Download_WhenTheStoreCountsIt_RecordsItOnTheAssetAndTheCollectionAndSignsAUrlThatEndsWithTheLink()
    {
        var link = ViewLink(new LinkLimits(MaxDownloads: 5), expiresAt: Build.Now.AddSeconds(90));
        _counter.Setup(c => c.TryCountDownloadAsync(link.Id, Build.Now, It.IsAny<CancellationToken>())).ReturnsAsync(2);

        var result = (await Download(link).HandleAsync(new DownloadLinkAssetCommand(_token, _asset.Id.Value, null), CancellationToken.None)).Outcome;

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Value.ExpiresAt.ShouldBe(Build.Now.AddSeconds(90));
        var used = link.DomainEvents.OfType<LinkUsed>().Single();
        (used.Use, used.AssetId, used.CollectionId, used.Count, used.Client).ShouldBe((LinkUse.Downloaded, _asset.Id, _collection.Id, 2, "203.0.113.0/24"));
        _transaction.Verify(t => t.CommitAsync(It.IsAny<CancellationToken>()), Times.Once);
        _storage.Verify(s => s.PresignGetAsync(_asset.StorageKey, "photo.png", "image/png", DownloadDisposition.Attachment, Build.Now.AddSeconds(90), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Rendition_WhenTheLinkGivesRenditionsOnly_SignsAnInlineUrlAndRecordsLinkViewedOnTheAssetAndTheCollection()
    {
        _asset.RecordRenditionReady(Domain.Assets.Media.Rendition.Thumbnail, "image/webp", 16, 12, Build.Now);
        var link = ViewLink(new LinkLimits(AllowDownload: false));

        var result = (await RenditionHandler(link).HandleAsync(new GetLinkAssetRenditionQuery(_token, _asset.Id.Value, Domain.Assets.Media.Rendition.Thumbnail, null), CancellationToken.None)).Outcome;

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Value.ExpiresAt.ShouldBe(Build.Now + Ttl);
        var used = link.DomainEvents.OfType<LinkUsed>().Single();
        (used.Use, used.AssetId, used.CollectionId).ShouldBe((LinkUse.Viewed, _asset.Id, _collection.Id));
        _links.Verify(l => l.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
        _storage.Verify(s => s.PresignGetAsync(
            Domain.Assets.Media.Rendition.StorageKeyFor(_asset.Id, "thumbnail"), "photo-thumbnail.webp", "image/webp", DownloadDisposition.Inline, Build.Now + Ttl, It.IsAny<CancellationToken>()),
            Times.Once);
    }

    [Test]
    public async Task Rendition_ThroughAnUploadLink_IsNotFound()
    {
        var link = ShareLink.ForCollection(
            _collection, new Memberships(_collection.OwnerId, new HashSet<GroupId>()), LinkKind.Upload, LinkTokens.Hash(_token), null, null, new LinkLimits(), Build.Now);

        var result = (await RenditionHandler(link).HandleAsync(new GetLinkAssetRenditionQuery(_token, _asset.Id.Value, "thumbnail", null), CancellationToken.None)).Outcome;

        result.Status.ShouldBe(ResultStatus.NotFound);
        _storage.VerifyNoOtherCalls();
    }

    private ShareLink ViewLink(LinkLimits limits, DateTimeOffset? expiresAt = null)
    {
        var link = ShareLink.ForCollection(
            _collection, new Memberships(_collection.OwnerId, new HashSet<GroupId>()), LinkKind.View, LinkTokens.Hash(_token), null, expiresAt, limits, Build.Now);
        link.ClearDomainEvents();
        return link;
    }

    private PublicLinkGate Gate(ShareLink link)
    {
        _links.Setup(l => l.FirstOrDefaultAsync(It.IsAny<ISpecification<ShareLink>>(), It.IsAny<CancellationToken>())).ReturnsAsync(link);
        return new PublicLinkGate(_links.Object, Mock.Of<ISecretHasher>(), Mock.Of<ILinkPasswordFailures>());
    }

    /// <summary>A read port whose view-link contents hold the asset, or nothing.</summary>
    private Mock<IQueryRunner> Queries(bool listed)
    {
        var queries = new Mock<IQueryRunner>();
        queries.Setup(q => q.Source<CollectionEntry>()).Returns(Array.Empty<CollectionEntry>().AsQueryable());
        queries.Setup(q => q.Source<Asset>()).Returns(Array.Empty<Asset>().AsQueryable());
        queries.Setup(q => q.ListAsync(It.IsAny<IQueryable<AssetId>>(), It.IsAny<CancellationToken>())).ReturnsAsync(listed ? [_asset.Id] : []);
        return queries;
    }

    private DownloadLinkAssetHandler Download(ShareLink link, bool listed = true) => new(
        Gate(link), _links.Object, Build.Finding<IReadRepository<Asset>, Asset>(_asset).Object, Queries(listed).Object, _unitOfWork.Object, _counter.Object,
        _storage.Object, Mock.Of<IClientAddress>(c => c.Truncated == "203.0.113.0/24"), new AssetSettings { DownloadUrlTtl = Ttl }, Build.Clock());

    private GetLinkAssetRenditionHandler RenditionHandler(ShareLink link) => new(
        Gate(link), _links.Object, Build.Finding<IReadRepository<Asset>, Asset>(_asset).Object, Queries(listed: true).Object, _storage.Object,
        Mock.Of<IClientAddress>(), new AssetSettings { DownloadUrlTtl = Ttl }, Build.Clock());
}
