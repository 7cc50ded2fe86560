using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using MediaVault.Application.Abstractions;
using MediaVault.Domain.Owners;
using MediaVault.Domain.Users;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Infrastructure.Jobs;
using MediaVault.Infrastructure.Persistence;
using MediaVault.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaVault.Integration.Tests.Jobs;

/// <summary>
/// The durable job queue (ADR-056) in the real host on a real database: a job commits or rolls back with the change
/// that enqueued it, is run by the worker, retried with backoff, dead-lettered with its last error, survives a restart,
/// is taken over when its worker's lease passed, and runs once however many hosts share the database.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class JobQueueTests(DatabaseProvider provider)
{
    private const int RetryBaseMilliseconds = 400;
    private JobProbe _probe = null!;
    private MediaVaultApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _probe = new JobProbe();
        _api = await MediaVaultApi.StartAsync(provider, overrides: FastJobs(), services: _probe.Register("first"));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _probe.Gate.TrySetResult();
        await _api.DisposeAsync();
    }

    [Test]
    public async Task Enqueue_WithAChangeThatCommits_IsWrittenWithItRunAndEmptiedOfItsPayload()
    {
        var job = new ProbeJob(NewId());
        var ownerId = UserId.New();

        var id = await EnqueueWithChangeAsync(_api, job, ownerId, commit: true);

        var done = await WaitForStateAsync(_api, id, JobStates.Succeeded);
        _probe.RunsOf(job.Id).ShouldBe(1);
        done.Attempts.ShouldBe(1);
        done.Payload.ShouldBeEmpty();
        done.LockedBy.ShouldBeNull();
        (await _api.WithDbAsync(db => db.Owners.AnyAsync(o => o.Id == ownerId))).ShouldBeTrue();
    }

    [Test]
    public async Task Enqueue_WithAChangeThatRollsBack_IsGoneWithItAndNeverRuns()
    {
        var rolledBack = new ProbeJob(NewId());
        var ownerId = UserId.New();

        var id = await EnqueueWithChangeAsync(_api, rolledBack, ownerId, commit: false);

        (await _api.WithDbAsync(db => db.Jobs.AnyAsync(j => j.Id == id))).ShouldBeFalse();
        (await _api.WithDbAsync(db => db.Owners.AnyAsync(o => o.Id == ownerId))).ShouldBeFalse();
        // A job enqueued after it has run: the worker has looked at the queue since.
        var later = new ProbeJob(NewId());
        await WaitForStateAsync(_api, await EnqueueAsync(_api, later), JobStates.Succeeded);
        _probe.RunsOf(rolledBack.Id).ShouldBe(0);
    }

    [Test]
    public async Task Enqueue_WithTheDedupeKeyOfAJobStillWaiting_IsNotWrittenAgain()
    {
        var key = NewId();
        var later = DateTimeOffset.UtcNow.AddHours(1);
        await EnqueueAsync(_api, new ProbeJob(NewId()), later, key);

        await EnqueueAsync(_api, new ProbeJob(NewId()), later, key);

        (await _api.WithDbAsync(db => db.Jobs.CountAsync(j => j.DedupeKey == key))).ShouldBe(1);
    }

    [Test]
    public async Task Run_WhenAnAttemptFails_IsRetriedAfterABackoffAndSucceeds()
    {
        var job = new ProbeJob(NewId(), FailTimes: 1);

        var id = await EnqueueAsync(_api, job);

        var done = await WaitForStateAsync(_api, id, JobStates.Succeeded);
        _probe.RunsOf(job.Id).ShouldBe(2);
        done.Attempts.ShouldBe(2);
        done.LastError.ShouldBe($"System.InvalidOperationException: Planned failure 1 of job {job.Id}.");
        // The retry was scheduled at least half the base delay (the jitter's lower bound) after the job was created.
        (done.RunAfter - done.CreatedAt).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(RetryBaseMilliseconds / 2));
    }

    [Test]
    public async Task Run_WhenEveryAttemptFails_IsDeadLetteredWithItsLastErrorAfterMaxAttempts()
    {
        var job = new ProbeJob(NewId(), FailTimes: int.MaxValue);

        var id = await EnqueueAsync(_api, job);

        var dead = await WaitForStateAsync(_api, id, JobStates.Dead);
        dead.Attempts.ShouldBe(JobProbe.MaxAttempts);
        _probe.RunsOf(job.Id).ShouldBe(JobProbe.MaxAttempts);
        dead.LastError.ShouldBe($"System.InvalidOperationException: Planned failure {JobProbe.MaxAttempts} of job {job.Id}.");
        dead.LockedBy.ShouldBeNull();
        dead.Payload.ShouldBe(job.ToPayload());
    }

    [Test]
    public async Task Claim_OfARunningJobWhoseLeaseExpired_TakesItOverAndRunsIt()
    {
        var job = new ProbeJob(NewId());

        var id = await InsertRunningAsync(job, attempts: 1, leaseUntil: DateTimeOffset.UtcNow.AddSeconds(-1));

        var done = await WaitForStateAsync(_api, id, JobStates.Succeeded);
        done.Attempts.ShouldBe(2);
        _probe.RunsOf(job.Id).ShouldBe(1);
    }

    [Test]
    public async Task Claim_OfARunningJobWhoseLeaseHolds_LeavesItToItsWorker()
    {
        var held = new ProbeJob(NewId());
        var id = await InsertRunningAsync(held, attempts: 1, leaseUntil: DateTimeOffset.UtcNow.AddHours(1));

        await WaitForStateAsync(_api, await EnqueueAsync(_api, new ProbeJob(NewId())), JobStates.Succeeded);

        _probe.RunsOf(held.Id).ShouldBe(0);
        var row = await ReadAsync(_api, id);
        row.State.ShouldBe(JobStates.Running);
        row.LockedBy.ShouldBe("a-worker-elsewhere");
    }

    [Test]
    public async Task Finish_OfAJobTakenOverWhileItRan_LeavesTheNewHoldersRecordAlone()
    {
        var job = new ProbeJob(NewId(), WaitForGate: true);
        var id = await EnqueueAsync(_api, job);
        await JobProbe.WaitUntilAsync(() => _probe.RunsOf(job.Id) == 1, "the worker to start the job");
        // Another worker takes the job over (as after a lease that passed while this one was stalled).
        var until = DateTimeOffset.UtcNow.AddHours(1);
        await _api.WithDbAsync(db => db.Jobs.Where(j => j.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(j => j.LockedBy, "the-new-holder").SetProperty(j => j.LeaseUntil, until)));

        var outcomes = new ConcurrentQueue<string?>();
        using var listener = ListenToOutcomes(outcomes);

        _probe.Gate.TrySetResult();

        await JobProbe.WaitUntilAsync(() => outcomes.Contains(JobOutcomes.LeaseLost), "the worker to find its lease lost");
        var row = await ReadAsync(_api, id);
        row.State.ShouldBe(JobStates.Running);
        row.LockedBy.ShouldBe("the-new-holder");
        row.Payload.ShouldBe(job.ToPayload());
    }

    [Test]
    public async Task Claim_OfAnExpiredJobThatUsedItsLastAttempt_DeadLettersItWithoutRunningIt()
    {
        var job = new ProbeJob(NewId());

        var id = await InsertRunningAsync(job, attempts: JobProbe.MaxAttempts, leaseUntil: DateTimeOffset.UtcNow.AddSeconds(-1));

        var dead = await WaitForStateAsync(_api, id, JobStates.Dead);
        dead.LastError.ShouldBe("The worker of the last attempt stopped without finishing it.");
        _probe.RunsOf(job.Id).ShouldBe(0);
    }

    [Test]
    public async Task Restart_WithAJobWaiting_TheNextHostRunsIt()
    {
        var probe = new JobProbe();
        // The first host has no handler of the kind: the job waits in the database while it stops.
        var first = await MediaVaultApi.StartAsync(provider, overrides: FastJobs(), services: _ => { });
        var job = new ProbeJob(NewId());
        var id = await EnqueueAsync(first, job);
        (await ReadAsync(first, id)).State.ShouldBe(JobStates.Waiting);

        await using var next = await first.RestartAsync(services: probe.Register("next"));

        var done = await WaitForStateAsync(next, id, JobStates.Succeeded);
        done.Attempts.ShouldBe(1);
        probe.RunsOf(job.Id).ShouldBe(1);
    }

    [Test]
    public async Task Restart_WithAJobRunning_GivesItBackAndTheNextHostRunsIt()
    {
        var probe = new JobProbe();
        var first = await MediaVaultApi.StartAsync(provider, overrides: FastJobs(), services: probe.Register("first"));
        var job = new ProbeJob(NewId(), WaitForGate: true);
        var id = await EnqueueAsync(first, job);
        await JobProbe.WaitUntilAsync(() => probe.RunsOf(job.Id) == 1, "the first host to start the job");

        // Stopping cancels the attempt: the job is given back, its attempt not counted.
        await using var next = await first.RestartAsync(services: probe.Register("next"));
        probe.Gate.SetResult();

        var done = await WaitForStateAsync(next, id, JobStates.Succeeded);
        done.Attempts.ShouldBe(1);
        probe.RunsPerHost.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => $"{h.Key}: {h.Value}").ShouldBe(["first: 1", "next: 1"]);
    }

    [Test]
    public async Task TwoHosts_OnOneDatabase_NeverRunTheSameJobTwice()
    {
        const int count = 60;
        var probe = new JobProbe();
        await using var first = await MediaVaultApi.StartAsync(provider, overrides: FastJobs(), services: probe.Register("first"));
        await using var second = await MediaVaultApi.StartSiblingAsync(first, probe.Register("second"));
        var jobs = Enumerable.Range(0, count).Select(_ => new ProbeJob(NewId(), Milliseconds: 100)).ToList();

        var ids = await EnqueueAllAsync(first, jobs);

        await JobProbe.WaitUntilAsync(() => probe.TotalRuns >= count, $"{count} jobs to run");
        foreach (var id in ids)
        {
            await WaitForStateAsync(first, id, JobStates.Succeeded);
        }

        probe.RunsPerJob.Where(r => r.Value != 1).ShouldBeEmpty();
        probe.TotalRuns.ShouldBe(count);
        probe.RunsPerHost.Keys.ShouldBe(["first", "second"], ignoreOrder: true, customMessage: "both hosts should have claimed jobs");
    }

    [Test]
    public async Task Cleanup_OfSucceededJobsPastTheirRetention_DeletesThem()
    {
        var probe = new JobProbe();
        var settings = FastJobs();
        settings["Jobs:SucceededRetentionHours"] = "0";
        settings["Jobs:CleanupIntervalSeconds"] = "1";
        await using var api = await MediaVaultApi.StartAsync(provider, overrides: settings, services: probe.Register("first"));
        var job = new ProbeJob(NewId());

        var id = await EnqueueAsync(api, job);

        await JobProbe.WaitUntilAsync(() => probe.RunsOf(job.Id) == 1, "the job to run");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await api.WithDbAsync(db => db.Jobs.AnyAsync(j => j.Id == id)))
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the succeeded job should have been deleted");
            await Task.Delay(100);
        }
    }

    /// <summary>Short polls and retries, so that a test waits for the queue in fractions of a second.</summary>
    private static Dictionary<string, string?> FastJobs() => new()
    {
        ["Jobs:PollIntervalMilliseconds"] = "100",
        ["Jobs:RetryBaseMilliseconds"] = RetryBaseMilliseconds.ToString(CultureInfo.InvariantCulture),
        ["Jobs:RetryMaxSeconds"] = "1",
    };

    private static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>Collects the outcome of every finished attempt of the test kind, from the worker's metrics.</summary>
    private static MeterListener ListenToOutcomes(ConcurrentQueue<string?> outcomes) =>
        JobMeters.Listen("mediavault.jobs.processed", tags =>
        {
            string? kind = null, outcome = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "kind")
                {
                    kind = tag.Value as string;
                }
                else if (tag.Key == "outcome")
                {
                    outcome = tag.Value as string;
                }
            }

            if (kind == JobProbe.Kind)
            {
                outcomes.Enqueue(outcome);
            }
        });

    /// <summary>Enqueues the jobs through the port, written by one save (one transaction); returns their ids.</summary>
    private static async Task<IReadOnlyList<Guid>> EnqueueAllAsync(MediaVaultApi api, IEnumerable<ProbeJob> jobs)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediaVaultDbContext>();
        var queue = scope.ServiceProvider.GetRequiredService<IJobQueue>();
        foreach (var job in jobs)
        {
            queue.Enqueue(new JobRequest(JobProbe.Kind, job.ToPayload()));
        }

        var ids = db.ChangeTracker.Entries<Job>().Select(e => e.Entity.Id).ToList();
        await db.SaveChangesAsync();
        return ids;
    }

    private static Task<Guid> EnqueueAsync(MediaVaultApi api, ProbeJob job) => JobRows.EnqueueAsync(api, job);

    private static async Task EnqueueAsync(MediaVaultApi api, ProbeJob job, DateTimeOffset notBefore, string dedupeKey)
    {
        await using var scope = api.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IJobQueue>().Enqueue(new JobRequest(JobProbe.Kind, job.ToPayload(), notBefore, dedupeKey));
        await scope.ServiceProvider.GetRequiredService<MediaVaultDbContext>().SaveChangesAsync();
    }

    /// <summary>
    /// In one unit-of-work transaction: opens an owner (the change) and enqueues the job, saves, then commits or
    /// disposes the transaction without committing.
    /// </summary>
    private static async Task<Guid> EnqueueWithChangeAsync(MediaVaultApi api, ProbeJob job, UserId ownerId, bool commit)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediaVaultDbContext>();
        await using (var transaction = await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().BeginTransactionAsync(CancellationToken.None))
        {
            db.Owners.Add(Owner.Open(ownerId, 1_000, DateTimeOffset.UtcNow));
            scope.ServiceProvider.GetRequiredService<IJobQueue>().Enqueue(new JobRequest(JobProbe.Kind, job.ToPayload()));
            var id = db.ChangeTracker.Entries<Job>().Single().Entity.Id;
            await db.SaveChangesAsync();
            if (commit)
            {
                await transaction.CommitAsync(CancellationToken.None);
            }

            return id;
        }
    }

    private Task<Guid> InsertRunningAsync(ProbeJob job, int attempts, DateTimeOffset leaseUntil) =>
        JobRows.InsertRunningAsync(_api, job, attempts, leaseUntil);

    private static Task<Job> ReadAsync(MediaVaultApi api, Guid id) => JobRows.ReadAsync(api, id);

    private static Task<Job> WaitForStateAsync(MediaVaultApi api, Guid id, string state) => JobRows.WaitForStateAsync(api, id, state);
}
