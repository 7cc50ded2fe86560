using Ardalis.Specification;
using MediaVault.Application.Abstractions;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Users;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaVault.Integration.Tests.Persistence;

/// <summary>Our small EF evaluator of Ardalis specifications, against each real database.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class SpecificationEvaluatorTests(DatabaseProvider provider)
{
    private MediaVaultApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await MediaVaultApi.StartAsync(provider);

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task FilteredInclude_LoadsOnlyTheMatchingChildren()
    {
        var owner = await _api.OwnerAsync();
        var first = UserId.New();
        var second = UserId.New();
        var asset = await _api.AssetAsync(owner);
        await _api.GrantAsync(asset.Id, first, AccessRole.Viewer);
        await _api.GrantAsync(asset.Id, second, AccessRole.Editor);

        var loaded = await WithRepositoryAsync(r => r.FirstOrDefaultAsync(new GrantsOfSpec(asset.Id, first)));

        loaded.ShouldNotBeNull();
        loaded.Grants.Select(g => g.GranteeId).ShouldBe([first]);
    }

    [Test]
    public async Task Search_IsCaseInsensitiveOrWithinAGroupAndAndAcrossGroups()
    {
        var owner = await _api.OwnerAsync();
        var both = await _api.AssetAsync(owner, "alpha-beta.jpg", title: "Gamma");
        await _api.AssetAsync(owner, "alpha.jpg", title: "Delta");
        await _api.AssetAsync(owner, "beta.jpg", title: "Epsilon");

        var found = await WithRepositoryAsync(r => r.ListAsync(new SearchSpec(owner, "%ALPHA%", "%gamma%")));

        found.Select(a => a.Id).ShouldBe([both.Id]);
    }

    [Test]
    public async Task OrderAndPaging_AreApplied_AndCountIgnoresPaging()
    {
        var owner = await _api.OwnerAsync();
        var start = DateTimeOffset.UtcNow.AddHours(-2);
        var assets = new List<Asset>();
        for (var i = 0; i < 5; i++)
        {
            assets.Add(await _api.AssetAsync(owner, createdAt: start.AddMinutes(i)));
        }

        var page = await WithRepositoryAsync(r => r.ListAsync(new OldestFirstPageSpec(owner, skip: 1, take: 2)));
        var count = await WithRepositoryAsync(r => r.CountAsync(new OldestFirstPageSpec(owner, skip: 1, take: 2)));

        page.Select(a => a.Id).ShouldBe([assets[1].Id, assets[2].Id]);
        count.ShouldBe(5);
    }

    [Test]
    public async Task Projection_SelectsIntoTheResultType()
    {
        var owner = await _api.OwnerAsync();
        await _api.AssetAsync(owner, "x.jpg", title: "Projected");

        var titles = await WithRepositoryAsync(r => r.ListAsync(new TitlesSpec(owner)));

        titles.ShouldBe(["Projected"]);
    }

    private async Task<T> WithRepositoryAsync<T>(Func<IReadRepository<Asset>, Task<T>> work)
    {
        await using var scope = _api.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<IReadRepository<Asset>>());
    }

    private sealed class GrantsOfSpec : Specification<Asset>
    {
        public GrantsOfSpec(AssetId id, UserId grantee) =>
            Query.Where(a => a.Id == id).Include(a => a.Grants.Where(g => g.GranteeId == grantee)).AsNoTracking();
    }

    private sealed class SearchSpec : Specification<Asset>
    {
        public SearchSpec(UserId owner, string fileNamePattern, string titlePattern) =>
            Query.Where(a => a.OwnerId == owner)
                .Search(a => a.FileName.ToLower(), fileNamePattern.ToLowerInvariant(), 1)
                .Search(a => a.Title.ToLower(), titlePattern.ToLowerInvariant(), 2);
    }

    private sealed class OldestFirstPageSpec : Specification<Asset>
    {
        public OldestFirstPageSpec(UserId owner, int skip, int take) =>
            Query.Where(a => a.OwnerId == owner).OrderBy(a => a.CreatedAt).Skip(skip).Take(take);
    }

    private sealed class TitlesSpec : Specification<Asset, string>
    {
        public TitlesSpec(UserId owner)
        {
            Query.Where(a => a.OwnerId == owner);
            Query.Select(a => a.Title);
        }
    }
}
