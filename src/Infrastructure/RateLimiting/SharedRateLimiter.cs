using MediaVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Infrastructure.RateLimiting;

/// <summary>The outcome of one call against a limit: permitted, or refused until <see cref="RetryAfter"/> has passed.</summary>
public readonly record struct RateLimitDecision(bool Permitted, TimeSpan RetryAfter);

/// <summary>
/// Fixed one-minute windows counted in the database (ADR-058), so that every instance over the same database spends
/// the same budget. Each call is ONE statement: an upsert that inserts the window's row with a count of 1 or adds 1 to
/// it, and returns the new count. The row lock (PostgreSQL) or write lock (SQLite) the upsert takes serialises
/// concurrent calls, so no call is lost and exactly <c>permits</c> calls of a window are permitted.
/// </summary>
public sealed class SharedRateLimiter(MediaVaultDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private static readonly long WindowSeconds = (long)Window.TotalSeconds;

    /// <summary>Counts a call of <paramref name="partitionKey"/> and says whether it is within <paramref name="permits"/> per window.</summary>
    public async Task<RateLimitDecision> TryAcquireAsync(string partitionKey, int permits, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(partitionKey);
        if (partitionKey.Length > RateLimitWindow.PartitionKeyMaxLength)
        {
            partitionKey = partitionKey[..RateLimitWindow.PartitionKeyMaxLength];
        }

        var now = clock.GetUtcNow();
        var windowStart = WindowStartOf(now);
        // The same text on PostgreSQL and SQLite (3.35+: UPSERT with RETURNING). Not composable, so read as a list.
        var hits = await db.Database.SqlQuery<int>($"""
            INSERT INTO rate_limit_windows (partition_key, window_start, hits) VALUES ({partitionKey}, {windowStart}, 1)
            ON CONFLICT (partition_key, window_start) DO UPDATE SET hits = rate_limit_windows.hits + 1
            RETURNING hits AS "Value"
            """).ToListAsync(cancellationToken);
        if (hits.Count == 1 && hits[0] <= permits)
        {
            return new RateLimitDecision(true, TimeSpan.Zero);
        }

        return new RateLimitDecision(false, DateTimeOffset.FromUnixTimeSeconds(windowStart + WindowSeconds) - now);
    }

    /// <summary>Deletes the windows that ended before the current one began; returns how many rows went.</summary>
    public Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var currentStart = WindowStartOf(clock.GetUtcNow());
        return db.Set<RateLimitWindow>().Where(w => w.WindowStart < currentStart).ExecuteDeleteAsync(cancellationToken);
    }

    private static long WindowStartOf(DateTimeOffset instant)
    {
        var seconds = instant.ToUnixTimeSeconds();
        return seconds - (seconds % WindowSeconds);
    }
}
