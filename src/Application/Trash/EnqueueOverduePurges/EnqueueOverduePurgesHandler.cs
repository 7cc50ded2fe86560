using Ardalis.Specification;
using MediaVault.Application.Abstractions;
using MediaVault.Domain.Assets;

namespace MediaVault.Application.Trash.EnqueueOverduePurges;

/// <summary>Enqueue the purge of at most <see cref="BatchSize"/> trashed assets whose purge is long overdue.</summary>
public sealed record EnqueueOverduePurgesCommand(int BatchSize = 100);

/// <summary>
/// The sweeper's safety net for the trash: a trashed asset whose purge has been due for more than <see cref="Overdue"/>
/// lost its <c>asset.purge</c> job (every attempt failed during a long store outage, and the job is dead), so a new job
/// is enqueued for it, due now. A job still waiting or running for it is not doubled (the dedupe key). Returns how many
/// were enqueued.
/// </summary>
public sealed class EnqueueOverduePurgesHandler(IRepository<Asset> assets, IJobQueue jobs, TimeProvider clock)
{
    /// <summary>Longer than the queue's backoff usually lets a purge's retries run.</summary>
    public static readonly TimeSpan Overdue = TimeSpan.FromHours(1);

    public async Task<int> HandleAsync(EnqueueOverduePurgesCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = clock.GetUtcNow();
        var overdue = await assets.ListAsync(new OverduePurgesSpec(now - Overdue, Math.Max(1, command.BatchSize)), cancellationToken);
        foreach (var asset in overdue)
        {
            jobs.Enqueue(TrashJobs.Purge(asset, requestedBy: null, notBefore: now));
        }

        if (overdue.Count > 0)
        {
            await assets.SaveChangesAsync(cancellationToken);
        }

        return overdue.Count;
    }
}

/// <summary>Trashed assets whose purge was due before a given instant, longest overdue first (index on PurgeAt).</summary>
public sealed class OverduePurgesSpec : Specification<Asset>
{
    public OverduePurgesSpec(DateTimeOffset dueBefore, int take)
    {
        Query.Where(a => a.DeletedAt != null && a.PurgeAt <= dueBefore).OrderBy(a => a.PurgeAt).Take(take).AsNoTracking();
    }
}
