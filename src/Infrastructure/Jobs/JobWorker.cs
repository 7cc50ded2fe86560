using System.Diagnostics;
using MediaVault.Application.Abstractions;
using MediaVault.Infrastructure.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaVault.Infrastructure.Jobs;

/// <summary>
/// Runs the jobs of every kind that has an <see cref="IJobHandler"/> on this instance. It claims due jobs (see
/// <see cref="JobStore.ClaimAsync"/>) up to each kind's <see cref="IJobHandler.Concurrency"/>, runs each in a DI scope of
/// its own while renewing its lease every third of <c>Jobs__LeaseSeconds</c>, and records the outcome: succeeded,
/// waiting again after a backoff, or dead after the kind's MaxAttempts. It looks for work when the earliest job it knows
/// of becomes claimable (<see cref="JobStore.NextDueAsync"/>), at once after a job was committed on this instance or
/// (PostgreSQL) on another one (<see cref="PostgresJobListener"/>), whenever a slot comes free (a slot that finished a job
/// first claims the next one of its kind itself, so a busy kind is drained with one claim per job), and at the latest every
/// <c>Jobs__PollIntervalMilliseconds</c> (ADR-081). On shutdown the running handlers are cancelled and their jobs given back, to be run again.
/// </summary>
internal sealed partial class JobWorker(
    IServiceScopeFactory scopes,
    JobStore store,
    JobSignal signal,
    JobMetrics metrics,
    IOptions<JobsOptions> options,
    TimeProvider clock,
    ILogger<JobWorker> logger) : BackgroundService
{
    private static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(10);

    /// <summary>After a failed look (the database is unreachable), the next one comes at most this much later.</summary>
    private static readonly TimeSpan FailureRetry = TimeSpan.FromSeconds(5);

    /// <summary>Written into <c>locked_by</c>: which process holds a job.</summary>
    public string WorkerId { get; } = Truncate($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}", Job.LockedByMaxLength);

    private TimeSpan Lease => TimeSpan.FromSeconds(Math.Max(1, options.Value.LeaseSeconds));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var settings = options.Value;
        var slots = ReadKinds();
        var running = new List<Task>();
        var poll = TimeSpan.FromMilliseconds(Math.Max(10, settings.PollIntervalMilliseconds));
        var nextCleanup = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = poll;
            try
            {
                var idle = new List<string>();
                foreach (var slot in slots)
                {
                    var free = slot.Concurrency - Volatile.Read(ref slot.Running);
                    if (free <= 0)
                    {
                        continue;
                    }

                    var claimed = await store.ClaimAsync(slot.Kind, free, WorkerId, Lease, stoppingToken);
                    foreach (var job in claimed)
                    {
                        Interlocked.Increment(ref slot.Running);
                        running.Add(RunAsync(slot, job, stoppingToken));
                    }

                    if (claimed.Count < free)
                    {
                        // Nothing more of this kind is claimable now; a full kind is woken by its next free slot.
                        idle.Add(slot.Kind);
                    }
                }

                if (clock.GetUtcNow() >= nextCleanup)
                {
                    var deleted = await store.DeleteSucceededAsync(clock.GetUtcNow() - TimeSpan.FromHours(Math.Max(0, settings.SucceededRetentionHours)), stoppingToken);
                    if (deleted > 0)
                    {
                        LogCleaned(deleted);
                    }

                    nextCleanup = clock.GetUtcNow() + TimeSpan.FromSeconds(Math.Max(1, settings.CleanupIntervalSeconds));
                }

                wait = Until(await store.NextDueAsync(idle, stoppingToken), nextCleanup, poll);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogPollFailed(e);
                wait = poll < FailureRetry ? poll : FailureRetry;
            }

            running.RemoveAll(t => t.IsCompleted);
            try
            {
                await signal.WaitAsync(wait, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }

        // The handlers saw the cancellation; wait until each gave its job back.
        await Task.WhenAll(running);
    }

    /// <summary>
    /// How long to sleep: until the next job is due or the next cleanup, at most <paramref name="poll"/>. A millisecond is
    /// added because a lease is taken over only once it has passed (<c>lease_until &lt; now</c>).
    /// </summary>
    private TimeSpan Until(DateTimeOffset? due, DateTimeOffset nextCleanup, TimeSpan poll)
    {
        var now = clock.GetUtcNow();
        var wait = poll;
        foreach (var at in (ReadOnlySpan<DateTimeOffset?>)[due, nextCleanup])
        {
            if (at is { } instant && instant - now < wait)
            {
                wait = instant - now;
            }
        }

        return TimeSpan.FromMilliseconds(Math.Max(1, Math.Ceiling(wait.TotalMilliseconds) + 1));
    }

    private List<KindSlot> ReadKinds()
    {
        using var scope = scopes.CreateScope();
        return [.. scope.ServiceProvider.GetServices<IJobHandler>()
            .GroupBy(h => h.Kind, StringComparer.Ordinal)
            .Select(g => new KindSlot(g.Key, Math.Max(1, g.First().Concurrency), Math.Max(1, g.First().MaxAttempts)))];
    }

    /// <summary>
    /// Runs <paramref name="first"/>, then claims the next job of the same kind for the same slot until none is claimable:
    /// a busy kind is drained with one claim per job, instead of waking the loop, which would claim every kind and read
    /// when the next is due after each job. Only a slot that runs dry frees itself and wakes the loop.
    /// </summary>
    private async Task RunAsync(KindSlot slot, ClaimedJob first, CancellationToken stoppingToken)
    {
        for (var job = first; job is not null; job = await NextOfKindAsync(slot, stoppingToken))
        {
            var started = Stopwatch.GetTimestamp();
            var outcome = JobOutcomes.LeaseLost;
            try
            {
                outcome = await AttemptAsync(slot, job, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Recording the outcome failed (the database is gone): the lease runs out and the job is taken over.
                LogRecordFailed(e, job.Kind, job.Id);
            }
            finally
            {
                var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                metrics.Finished(job.Kind, outcome, milliseconds);
                LogFinished(job.Kind, job.Id, outcome, (long)milliseconds, job.Attempts);
            }
        }

        Interlocked.Decrement(ref slot.Running);
        signal.Notify();
    }

    /// <summary>The next claimable job of the slot's kind, or null (none, stopping, or the database did not answer: the loop looks again).</summary>
    private async Task<ClaimedJob?> NextOfKindAsync(KindSlot slot, CancellationToken stoppingToken)
    {
        if (stoppingToken.IsCancellationRequested)
        {
            return null;
        }

        try
        {
            var claimed = await store.ClaimAsync(slot.Kind, 1, WorkerId, Lease, stoppingToken);
            return claimed.Count > 0 ? claimed[0] : null;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception e)
        {
            LogPollFailed(e);
            return null;
        }
    }

    private async Task<string> AttemptAsync(KindSlot slot, ClaimedJob job, CancellationToken stoppingToken)
    {
        if (job.Attempts > slot.MaxAttempts)
        {
            // Taken over after the last attempt's worker died: no attempt is left.
            using var abandoned = new CancellationTokenSource(WriteTimeout, clock);
            await store.FailAsync(job.Id, WorkerId, "The worker of the last attempt stopped without finishing it.", retryAt: null, abandoned.Token);
            return JobOutcomes.Dead;
        }

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var renewing = new CancellationTokenSource();
        var leaseLost = false;
        var renewal = RenewAsync(job, () =>
        {
            leaseLost = true;
            attempt.Cancel();
        }, renewing.Token);
        Exception? failure = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetServices<IJobHandler>().First(h => h.Kind == job.Kind);
            await handler.HandleAsync(job.Payload, attempt.Token);
        }
        catch (Exception e)
        {
            failure = e;
        }
        finally
        {
            await renewing.CancelAsync();
            await renewal;
        }

        if (leaseLost)
        {
            return JobOutcomes.LeaseLost;
        }

        using var write = new CancellationTokenSource(WriteTimeout, clock);

        if (failure is null)
        {
            return await store.SucceedAsync(job.Id, WorkerId, write.Token) ? JobOutcomes.Succeeded : JobOutcomes.LeaseLost;
        }

        if (stoppingToken.IsCancellationRequested)
        {
            return await store.ReleaseAsync(job.Id, WorkerId, write.Token) ? JobOutcomes.Released : JobOutcomes.LeaseLost;
        }

        var error = Truncate($"{failure.GetType().FullName}: {failure.Message}", Job.LastErrorMaxLength);
        var dead = job.Attempts >= slot.MaxAttempts;
        var settings = options.Value;
        DateTimeOffset? retryAt = dead ? null : clock.GetUtcNow() + JobBackoff.Delay(
            job.Attempts,
            TimeSpan.FromMilliseconds(Math.Max(0, settings.RetryBaseMilliseconds)),
            TimeSpan.FromSeconds(Math.Max(1, settings.RetryMaxSeconds)),
            Random.Shared.NextDouble());
        if (!await store.FailAsync(job.Id, WorkerId, error, retryAt, write.Token))
        {
            return JobOutcomes.LeaseLost;
        }

        LogAttemptFailed(failure.GetType().FullName, job.Kind, job.Id, job.Attempts);
        return dead ? JobOutcomes.Dead : JobOutcomes.Retrying;
    }

    /// <summary>Renews the lease every third of its length until cancelled; calls <paramref name="lost"/> when it was taken over.</summary>
    private async Task RenewAsync(ClaimedJob job, Action lost, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Lease / 3, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    if (!await store.RenewAsync(job.Id, WorkerId, Lease, cancellationToken))
                    {
                        lost();
                        return;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // The database did not answer this time; the lease lasts three renewals.
                    LogRenewFailed(e, job.Kind, job.Id);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The attempt ended.
        }
    }

    private static string Truncate(string text, int length) => text.Length > length ? text[..length] : text;

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Kind} {JobId} {Outcome} in {DurationMs} ms (attempt {Attempt})")]
    private partial void LogFinished(string kind, Guid jobId, string outcome, long durationMs, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Kind} {JobId} failed on attempt {Attempt} with {ErrorType}")]
    private partial void LogAttemptFailed(string? errorType, string kind, Guid jobId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for jobs failed; trying again on the next poll")]
    private partial void LogPollFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the lease of job {Kind} {JobId} failed")]
    private partial void LogRenewFailed(Exception exception, string kind, Guid jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording the outcome of job {Kind} {JobId} failed; it is taken over when its lease passes")]
    private partial void LogRecordFailed(Exception exception, string kind, Guid jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} succeeded jobs past their retention")]
    private partial void LogCleaned(int count);

    private sealed class KindSlot(string kind, int concurrency, int maxAttempts)
    {
        /// <summary>Jobs of this kind running now; changed with <see cref="Interlocked"/> only.</summary>
        public int Running;

        public string Kind { get; } = kind;

        public int Concurrency { get; } = concurrency;

        public int MaxAttempts { get; } = maxAttempts;
    }
}
