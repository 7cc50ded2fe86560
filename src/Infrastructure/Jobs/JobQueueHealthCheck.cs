using MediaVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MediaVault.Infrastructure.Jobs;

/// <summary>
/// Reports, per kind, the jobs waiting, running and dead, and how long the oldest due waiting job has waited
/// (<c>oldestWaitingSeconds</c>, from its <c>run_after</c>). Always healthy: a deep queue is news for an operator, not a
/// reason to take the instance out of the load balancer (the database check already covers a database that is gone).
/// </summary>
internal sealed class JobQueueHealthCheck(MediaVaultDbContext db, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var rows = await db.Jobs
                .Where(j => j.State != JobStates.Succeeded)
                .GroupBy(j => new { j.Kind, j.State })
                .Select(g => new { g.Key.Kind, g.Key.State, Count = g.Count(), Oldest = g.Min(j => j.RunAfter) })
                .ToListAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var data = rows
                .GroupBy(r => r.Kind, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, object (g) =>
                {
                    var waiting = g.FirstOrDefault(r => r.State == JobStates.Waiting);
                    return new KindDepth(
                        waiting?.Count ?? 0,
                        g.FirstOrDefault(r => r.State == JobStates.Running)?.Count ?? 0,
                        g.FirstOrDefault(r => r.State == JobStates.Dead)?.Count ?? 0,
                        waiting is null ? 0 : Math.Max(0, Math.Round((now - waiting.Oldest).TotalSeconds, 1)));
                });
            return HealthCheckResult.Healthy("Job queue depth per kind.", data);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Healthy("The job queue could not be read.");
        }
    }

    /// <summary>The depth of one kind's queue, as shown by <c>GET /health/ready</c>.</summary>
    internal sealed record KindDepth(int Waiting, int Running, int Dead, double OldestWaitingSeconds);
}
