using System.Diagnostics.CodeAnalysis;

namespace MediaVault.Application.Abstractions;

/// <summary>
/// Durable background jobs. Enqueue adds the job to the current database unit of work: the row is written by the
/// next save of the DbContext (repository save / unit of work), in the same transaction as the change that caused it.
/// </summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It is a queue; the name is fixed by the job queue contract.")]
public interface IJobQueue
{
    void Enqueue(JobRequest job);
}

/// <summary>
/// Kind: a stable dotted name ("email.send", "media.process"). Payload: a small JSON string the handler parses
/// (ids, never large data, never secrets in clear). NotBefore: run no earlier than this. DedupeKey: when set, a job of
/// the same Kind and DedupeKey that is still waiting or running is not enqueued twice.
/// </summary>
public sealed record JobRequest(string Kind, string Payload, DateTimeOffset? NotBefore = null, string? DedupeKey = null);

/// <summary>
/// One handler per kind, registered as <c>services.AddScoped&lt;IJobHandler, TheHandler&gt;()</c>; the worker resolves
/// it in a new DI scope per job. HandleAsync must be idempotent (a job may run again after a crash or a lost lease). It
/// throws to fail the attempt (retried with exponential backoff and jitter, dead-lettered with the last error after
/// MaxAttempts); a permanent failure that retrying cannot fix should be recorded by the handler itself and return
/// normally. Concurrency: how many jobs of this kind one instance runs at once.
/// </summary>
public interface IJobHandler
{
    string Kind { get; }

    int Concurrency { get; }

    int MaxAttempts { get; }

    Task HandleAsync(string payload, CancellationToken cancellationToken);
}
