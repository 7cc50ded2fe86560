using MediaVault.Infrastructure.Configuration;
using MediaVault.Infrastructure.RateLimiting;
using MediaVault.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaVault.Integration.Tests.Hardening;

/// <summary>
/// The rate limits' counter in the database (ADR-058): one upsert per call, so concurrent calls are all counted and
/// exactly the permitted number pass; passed windows are swept.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class SharedRateLimitTests(DatabaseProvider provider)
{
    private MediaVaultApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await MediaVaultApi.StartAsync(provider);

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task TryAcquire_WhenCalledConcurrently_PermitsExactlyThePermitsAndCountsEveryCall()
    {
        await RateLimitWindows.AwayFromTheWindowEdgeAsync();
        var partition = $"test:{Guid.NewGuid():N}";

        var decisions = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => AcquireAsync(partition, permits: 7)));

        decisions.Count(d => d.Permitted).ShouldBe(7);
        decisions.Where(d => !d.Permitted).ShouldAllBe(d => d.RetryAfter > TimeSpan.Zero && d.RetryAfter <= TimeSpan.FromMinutes(1));
        (await _api.WithDbAsync(db => db.Set<RateLimitWindow>().Where(w => w.PartitionKey == partition).SumAsync(w => w.Hits))).ShouldBe(20);
    }

    [Test]
    public async Task Sweep_WithAPassedWindow_DeletesItAndKeepsTheCurrentOne()
    {
        await RateLimitWindows.AwayFromTheWindowEdgeAsync();
        var partition = $"test:{Guid.NewGuid():N}";
        (await AcquireAsync(partition, permits: 1)).Permitted.ShouldBeTrue();
        var passed = DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds();
        await _api.WithDbAsync(db =>
        {
            db.Set<RateLimitWindow>().Add(new RateLimitWindow { PartitionKey = partition, WindowStart = passed - (passed % 60), Hits = 3 });
            return db.SaveChangesAsync();
        });

        await ScopedAsync(limiter => limiter.SweepAsync(CancellationToken.None));

        var left = await _api.WithDbAsync(db => db.Set<RateLimitWindow>().Where(w => w.PartitionKey == partition).ToListAsync());
        left.Count.ShouldBe(1);
        left[0].Hits.ShouldBe(1);
    }

    private Task<RateLimitDecision> AcquireAsync(string partition, int permits) =>
        ScopedAsync(limiter => limiter.TryAcquireAsync(partition, permits, CancellationToken.None));

    private async Task<T> ScopedAsync<T>(Func<SharedRateLimiter, Task<T>> work)
    {
        await using var scope = _api.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<SharedRateLimiter>());
    }
}
