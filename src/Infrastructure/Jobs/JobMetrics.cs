using System.Diagnostics.Metrics;

namespace MediaVault.Infrastructure.Jobs;

/// <summary>
/// Counters of the meter <c>MediaVault.Jobs</c>, tagged with the job's <c>kind</c>: finished attempts
/// (<c>mediavault.jobs.processed</c>, also tagged <c>outcome</c>), failed attempts (<c>mediavault.jobs.failed</c>),
/// jobs given up on (<c>mediavault.jobs.dead</c>), and how long attempts took (<c>mediavault.jobs.duration</c>, ms);
/// and the statements the queue's store sent to the <c>jobs</c> table (<c>mediavault.jobs.statements</c>, tagged
/// <c>operation</c>): what an idle instance costs its database.
/// </summary>
internal sealed class JobMetrics
{
    public const string MeterName = "MediaVault.Jobs";

    private readonly Counter<long> _processed;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _dead;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _statements;

    public JobMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _processed = meter.CreateCounter<long>("mediavault.jobs.processed", description: "Job attempts finished, by kind and outcome.");
        _failed = meter.CreateCounter<long>("mediavault.jobs.failed", description: "Job attempts that failed, by kind.");
        _dead = meter.CreateCounter<long>("mediavault.jobs.dead", description: "Jobs dead-lettered after their last attempt, by kind.");
        _duration = meter.CreateHistogram<double>("mediavault.jobs.duration", unit: "ms", description: "Duration of job attempts.");
        _statements = meter.CreateCounter<long>("mediavault.jobs.statements", description: "Statements sent to the jobs table by the worker, by operation.");
    }

    public void Statement(string operation) => _statements.Add(1, new KeyValuePair<string, object?>("operation", operation));

    public void Finished(string kind, string outcome, double milliseconds)
    {
        var kindTag = new KeyValuePair<string, object?>("kind", kind);
        _processed.Add(1, kindTag, new KeyValuePair<string, object?>("outcome", outcome));
        _duration.Record(milliseconds, kindTag, new KeyValuePair<string, object?>("outcome", outcome));
        if (outcome is JobOutcomes.Retrying or JobOutcomes.Dead)
        {
            _failed.Add(1, kindTag);
        }

        if (outcome == JobOutcomes.Dead)
        {
            _dead.Add(1, kindTag);
        }
    }
}

/// <summary>How an attempt ended, as logged and counted.</summary>
internal static class JobOutcomes
{
    public const string Succeeded = "succeeded";
    public const string Retrying = "retrying";
    public const string Dead = "dead";
    public const string Released = "released";
    public const string LeaseLost = "lease-lost";
}
