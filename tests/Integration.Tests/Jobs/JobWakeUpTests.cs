using System.Diagnostics.Metrics;
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
/// When an idle worker looks for work (ADR-081): when the earliest job it knows of becomes claimable (a retry's due time,
/// a lease that passes), at once when a job is committed on any instance (PostgreSQL <c>LISTEN/NOTIFY</c>), and otherwise
/// not before <c>Jobs__PollIntervalMilliseconds</c> — so an idle instance sends its database nothing.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class JobWakeUpTests(DatabaseProvider provider)
{
    /// <summary>Longer than any test waits: a job that runs was found by a wake-up, never by the poll.</summary>
    internal static readonly Dictionary<string, string?> LongPoll = new()
    {
        ["Jobs:PollIntervalMilliseconds"] = "600000",
        ["Jobs:RetryBaseMilliseconds"] = "1000",
        ["Jobs:RetryMaxSeconds"] = "2",
    };

    [Test]
    public async Task Retry_WithABackoff_RunsAtItsDueTimeAlthoughThePollIntervalIsLong()
    {
        var probe = new JobProbe();
        await using var api = await MediaVaultApi.StartAsync(provider, overrides: LongPoll, services: probe.Register("only"));
        var job = new ProbeJob(NewId(), FailTimes: 1);

        var id = await JobRows.EnqueueAsync(api, job);

        var done = await JobRows.WaitForStateAsync(api, id, JobStates.Succeeded);
        probe.RunsOf(job.Id).ShouldBe(2);
        done.Attempts.ShouldBe(2);
        (done.RunAfter - done.CreatedAt).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(500));
    }

    [Test]
    public async Task Claim_OfARunningJobWhoseLeasePassesLater_TakesItOverAlthoughThePollIntervalIsLong()
    {
        var probe = new JobProbe();
        await using var api = await MediaVaultApi.StartAsync(provider, overrides: LongPoll, services: probe.Register("only"));
        var job = new ProbeJob(NewId());
        var leaseUntil = DateTimeOffset.UtcNow.AddSeconds(2);

        var id = await JobRows.InsertRunningAsync(api, job, attempts: 1, leaseUntil);

        var done = await JobRows.WaitForStateAsync(api, id, JobStates.Succeeded);
        done.Attempts.ShouldBe(2);
        probe.RunsOf(job.Id).ShouldBe(1);
        DateTimeOffset.UtcNow.ShouldBeGreaterThan(leaseUntil);
    }

    [Test]
    public async Task Idle_WithDefaultSettings_SendsNoStatementToTheJobsTable()
    {
        var probe = new JobProbe();
        await using var api = await MediaVaultApi.StartAsync(provider, services: probe.Register("only"));
        var statements = 0;
        using var listener = ListenToStatements(api, () => Interlocked.Increment(ref statements));
        // Warm-up: a job runs, and the worker goes back to sleep after it.
        var id = await JobRows.EnqueueAsync(api, new ProbeJob(NewId()));
        await JobRows.WaitForStateAsync(api, id, JobStates.Succeeded);
        await JobProbe.WaitUntilAsync(() => Volatile.Read(ref statements) > 0, "the worker to look at the queue");
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        var before = Volatile.Read(ref statements);
        await Task.Delay(TimeSpan.FromSeconds(2));

        Volatile.Read(ref statements).ShouldBe(before, "an idle worker should not query the jobs table");
    }

    internal static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>Counts the statements this host's job store sends to the jobs table (its own meter, not another host's).</summary>
    private static MeterListener ListenToStatements(MediaVaultApi api, Action counted) =>
        JobMeters.Listen("mediavault.jobs.statements", _ => counted(), api.Services.GetRequiredService<IMeterFactory>());

    internal static Task<List<int>> ListenerPidsAsync(MediaVaultApi api) => api.WithDbAsync(db => db.Database.SqlQuery<int>($"""
        SELECT pid AS "Value" FROM pg_stat_activity
        WHERE datname = current_database() AND query = {"LISTEN " + PostgresJobListener.Channel}
        """).ToListAsync());

    /// <summary>Waits until <paramref name="count"/> connections to the test database listen for committed jobs.</summary>
    internal static async Task WaitForListenersAsync(MediaVaultApi api, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await api.WithDbAsync(db => db.Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value" FROM pg_stat_activity
            WHERE datname = current_database() AND query = {"LISTEN " + PostgresJobListener.Channel}
            """).SingleAsync()) < count)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, $"{count} instances should listen for committed jobs");
            await Task.Delay(50);
        }
    }

    /// <summary>Enqueues the job in a unit-of-work transaction with a change of its own (an owner), then commits.</summary>
    internal static async Task<Guid> EnqueueInTransactionAsync(MediaVaultApi api, ProbeJob job)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediaVaultDbContext>();
        await using var transaction = await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().BeginTransactionAsync(CancellationToken.None);
        db.Owners.Add(Owner.Open(UserId.New(), 1_000, DateTimeOffset.UtcNow));
        scope.ServiceProvider.GetRequiredService<IJobQueue>().Enqueue(new JobRequest(JobProbe.Kind, job.ToPayload()));
        var id = db.ChangeTracker.Entries<Job>().Single().Entity.Id;
        await db.SaveChangesAsync();
        await transaction.CommitAsync(CancellationToken.None);
        return id;
    }
}

/// <summary>Wake-ups across instances: PostgreSQL only (SQLite serves one instance, and its enqueue wakes its own worker).</summary>
[TestFixture]
public sealed class PostgresJobWakeUpTests
{
    [TestCase(false)]
    [TestCase(true)]
    public async Task Enqueue_OnAnotherInstance_WakesThisInstanceAtOnce(bool inTransaction)
    {
        var probe = new JobProbe();
        // The first instance has no handler of the kind: only the second can run the job.
        await using var first = await MediaVaultApi.StartAsync(DatabaseProvider.Postgres, overrides: JobWakeUpTests.LongPoll, services: _ => { });
        await using var second = await MediaVaultApi.StartSiblingAsync(first, probe.Register("second"));
        await JobWakeUpTests.WaitForListenersAsync(first, 2);
        var job = new ProbeJob(JobWakeUpTests.NewId());

        var id = inTransaction ? await JobWakeUpTests.EnqueueInTransactionAsync(first, job) : await JobRows.EnqueueAsync(first, job);

        await JobRows.WaitForStateAsync(first, id, JobStates.Succeeded);
        probe.RunsPerHost.Keys.ShouldBe(["second"]);
    }

    [Test]
    public async Task Listener_AfterItsConnectionWasKilled_ConnectsAgainAndStillWakesThisInstance()
    {
        var probe = new JobProbe();
        await using var first = await MediaVaultApi.StartAsync(DatabaseProvider.Postgres, overrides: JobWakeUpTests.LongPoll, services: _ => { });
        await using var second = await MediaVaultApi.StartSiblingAsync(first, probe.Register("second"));
        await JobWakeUpTests.WaitForListenersAsync(first, 2);
        var killed = await JobWakeUpTests.ListenerPidsAsync(first);

        // As a PostgreSQL restart does to every session.
        await first.WithDbAsync(db => db.Database.SqlQuery<bool>($"""
            SELECT pg_terminate_backend(pid) AS "Value" FROM pg_stat_activity
            WHERE datname = current_database() AND query = {"LISTEN " + PostgresJobListener.Channel}
            """).ToListAsync());
        await JobProbe.WaitUntilAsync(
            () => JobWakeUpTests.ListenerPidsAsync(first).GetAwaiter().GetResult().Except(killed).Count() == 2, "both listeners to connect again");
        var id = await JobRows.EnqueueAsync(first, new ProbeJob(JobWakeUpTests.NewId()));

        await JobRows.WaitForStateAsync(first, id, JobStates.Succeeded);
        probe.RunsPerHost.Keys.ShouldBe(["second"]);
    }
}
