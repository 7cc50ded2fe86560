using MediaVault.Application.Abstractions;
using MediaVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Infrastructure.Jobs;

/// <summary>
/// Adds the job to the request's <see cref="MediaVaultDbContext"/>: the next save writes it in the same transaction as
/// the change that caused it, so a job exists exactly when its cause was committed.
/// </summary>
internal sealed class EfJobQueue(MediaVaultDbContext db, TimeProvider clock) : IJobQueue
{
    public void Enqueue(JobRequest job)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentException.ThrowIfNullOrWhiteSpace(job.Kind);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(job.Kind.Length, Job.KindMaxLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(job.DedupeKey?.Length ?? 0, Job.DedupeKeyMaxLength);
        var now = clock.GetUtcNow();
        db.Jobs.Add(new Job
        {
            Id = Guid.CreateVersion7(now),
            Kind = job.Kind,
            Payload = job.Payload,
            DedupeKey = job.DedupeKey,
            State = JobStates.Waiting,
            RunAfter = (job.NotBefore ?? now).ToUniversalTime(),
            CreatedAt = now,
            UpdatedAt = now,
        });
    }

    /// <summary>
    /// Called by the unit of work before it saves: a new job whose kind and dedupe key match a job still waiting or
    /// running (or another new one) is not written. Two transactions enqueueing the same key at the same instant can
    /// both write theirs; handlers are idempotent, so that costs a second run, never a wrong result.
    /// </summary>
    public static async Task DropDuplicatesAsync(MediaVaultDbContext db, CancellationToken cancellationToken)
    {
        var added = db.ChangeTracker.Entries<Job>()
            .Where(e => e.State == EntityState.Added && e.Entity.DedupeKey is not null)
            .ToList();
        var seen = new HashSet<(string, string)>();
        foreach (var entry in added)
        {
            var (kind, key) = (entry.Entity.Kind, entry.Entity.DedupeKey!);
            var duplicate = !seen.Add((kind, key)) || await db.Jobs.AnyAsync(
                j => j.Kind == kind && j.DedupeKey == key && (j.State == JobStates.Waiting || j.State == JobStates.Running),
                cancellationToken);
            if (duplicate)
            {
                entry.State = EntityState.Detached;
            }
        }
    }
}
