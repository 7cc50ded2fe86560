using MediaVault.Application.Assets.ProcessMedia;
using MediaVault.Infrastructure.Jobs;
using MediaVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace MediaVault.Infrastructure.Media;

/// <summary>
/// The media queue in <c>GET /health/ready</c>, always present (even when empty): whether this instance processes
/// media, with how many workers, how many <c>media.process</c> jobs wait, run and are dead, and how long the oldest due
/// waiting job has waited. Always healthy: a backlog is news for an operator, not a reason to leave the load balancer.
/// </summary>
internal sealed class MediaQueueHealthCheck(MediaVaultDbContext db, IOptions<MediaOptions> options, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        try
        {
            var rows = await db.Jobs
                .Where(j => j.Kind == MediaJobs.ProcessKind && j.State != JobStates.Succeeded)
                .GroupBy(j => j.State)
                .Select(g => new { State = g.Key, Count = g.Count(), Oldest = g.Min(j => j.RunAfter) })
                .ToListAsync(cancellationToken);
            var waiting = rows.FirstOrDefault(r => r.State == JobStates.Waiting);
            var oldestWaiting = waiting is null ? (DateTimeOffset?)null : waiting.Oldest;
            var data = new Dictionary<string, object>
            {
                ["enabled"] = settings.Enabled,
                ["workers"] = Math.Max(1, settings.Workers),
                ["waiting"] = waiting?.Count ?? 0,
                ["running"] = rows.FirstOrDefault(r => r.State == JobStates.Running)?.Count ?? 0,
                ["dead"] = rows.FirstOrDefault(r => r.State == JobStates.Dead)?.Count ?? 0,
                ["oldestWaitingSeconds"] = oldestWaiting is { } oldest ? Math.Max(0, Math.Round((clock.GetUtcNow() - oldest).TotalSeconds, 1)) : 0,
                ["oldestWaitingSince"] = oldestWaiting?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
            };
            return HealthCheckResult.Healthy("Media processing queue.", data);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Healthy("The media queue could not be read.");
        }
    }
}
