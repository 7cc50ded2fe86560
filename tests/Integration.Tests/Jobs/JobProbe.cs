using System.Collections.Concurrent;
using System.Text.Json;
using MediaVault.Application.Abstractions;
using MediaVault.Infrastructure.Jobs;
using MediaVault.Infrastructure.Persistence;
using MediaVault.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaVault.Integration.Tests.Jobs;

/// <summary>
/// What a <see cref="ProbeJob"/> asks the test handler to do: fail its first <see cref="FailTimes"/> attempts, or wait
/// until the test opens <see cref="JobProbe.Gate"/>, or take <see cref="Milliseconds"/>.
/// </summary>
public sealed record ProbeJob(string Id, int FailTimes = 0, bool WaitForGate = false, int Milliseconds = 0)
{
    public string ToPayload() => JsonSerializer.Serialize(this);
}

/// <summary>
/// Counts every execution of the test job kind, per job id and per host, across every host of a test (the hosts run in
/// this process and share one probe).
/// </summary>
public sealed class JobProbe
{
    public const string Kind = "test.probe";

    public const int MaxAttempts = 3;

    private readonly ConcurrentDictionary<string, int> _runs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _hosts = new(StringComparer.Ordinal);

    /// <summary>Jobs with <see cref="ProbeJob.WaitForGate"/> wait until this completes (or their attempt is cancelled).</summary>
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int RunsOf(string id) => _runs.GetValueOrDefault(id);

    public int TotalRuns => _runs.Values.Sum();

    public IReadOnlyDictionary<string, int> RunsPerJob => _runs;

    /// <summary>How many executions each host made (keyed by the name given in <see cref="Register"/>).</summary>
    public IReadOnlyDictionary<string, int> RunsPerHost => _hosts;

    /// <summary>Adds the probe's handler to a host, naming the host in <see cref="RunsPerHost"/>.</summary>
    public Action<IServiceCollection> Register(string host) => services =>
        services.AddScoped<IJobHandler>(_ => new ProbeJobHandler(this, host));

    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new AssertionException($"Waited 30 s for {what}.");
            }

            await Task.Delay(50);
        }
    }

    internal int Record(string id, string host)
    {
        _hosts.AddOrUpdate(host, 1, (_, n) => n + 1);
        return _runs.AddOrUpdate(id, 1, (_, n) => n + 1);
    }
}

/// <summary>The test kind's handler: records the execution, then does what the payload asks.</summary>
internal sealed class ProbeJobHandler(JobProbe probe, string host) : IJobHandler
{
    public string Kind => JobProbe.Kind;

    public int Concurrency => 4;

    public int MaxAttempts => JobProbe.MaxAttempts;

    public async Task HandleAsync(string payload, CancellationToken cancellationToken)
    {
        var job = JsonSerializer.Deserialize<ProbeJob>(payload) ?? throw new InvalidOperationException("No payload.");
        var run = probe.Record(job.Id, host);
        if (run <= job.FailTimes)
        {
            throw new InvalidOperationException($"Planned failure {run} of job {job.Id}.");
        }

        if (job.WaitForGate)
        {
            await probe.Gate.Task.WaitAsync(cancellationToken);
        }

        if (job.Milliseconds > 0)
        {
            await Task.Delay(job.Milliseconds, cancellationToken);
        }
    }
}

/// <summary>Rows of the jobs table as the job tests write and read them, through a host's own services.</summary>
public static class JobRows
{
    /// <summary>Enqueues the probe job through the port and saves it (its own transaction); returns its id.</summary>
    public static async Task<Guid> EnqueueAsync(MediaVaultApi api, ProbeJob job)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(job);
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediaVaultDbContext>();
        scope.ServiceProvider.GetRequiredService<IJobQueue>().Enqueue(new JobRequest(JobProbe.Kind, job.ToPayload()));
        var id = db.ChangeTracker.Entries<Job>().Single().Entity.Id;
        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>A job as a worker that has since died left it: running, held by another worker until <paramref name="leaseUntil"/>.</summary>
    public static async Task<Guid> InsertRunningAsync(MediaVaultApi api, ProbeJob job, int attempts, DateTimeOffset leaseUntil)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(job);
        var now = DateTimeOffset.UtcNow;
        var row = new Job
        {
            Id = Guid.CreateVersion7(),
            Kind = JobProbe.Kind,
            Payload = job.ToPayload(),
            State = JobStates.Running,
            Attempts = attempts,
            RunAfter = now.AddMinutes(-1),
            LeaseUntil = leaseUntil,
            LockedBy = "a-worker-elsewhere",
            CreatedAt = now.AddMinutes(-1),
            UpdatedAt = now.AddMinutes(-1),
        };
        await api.WithDbAsync(async db =>
        {
            db.Jobs.Add(row);
            return await db.SaveChangesAsync();
        });
        return row.Id;
    }

    public static Task<Job> ReadAsync(MediaVaultApi api, Guid id)
    {
        ArgumentNullException.ThrowIfNull(api);
        return api.WithDbAsync(db => db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id));
    }

    public static async Task<Job> WaitForStateAsync(MediaVaultApi api, Guid id, string state)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var job = await ReadAsync(api, id);
            if (job.State == state)
            {
                return job;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new AssertionException($"Job {id} is {job.State} (attempts {job.Attempts}, last error {job.LastError}), not {state}, after 30 s.");
            }

            await Task.Delay(50);
        }
    }
}
