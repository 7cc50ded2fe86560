namespace MediaVault.Infrastructure.Jobs;

/// <summary>
/// One row of the <c>jobs</c> table: a unit of background work and where it stands. Only the queue
/// (<see cref="EfJobQueue"/>) creates rows, and only <see cref="JobStore"/> moves them between states.
/// </summary>
public sealed class Job
{
    public const int KindMaxLength = 64;
    public const int DedupeKeyMaxLength = 200;
    public const int LockedByMaxLength = 100;
    public const int LastErrorMaxLength = 2000;

    public Guid Id { get; init; }

    public string Kind { get; init; } = string.Empty;

    public string Payload { get; init; } = string.Empty;

    public string? DedupeKey { get; init; }

    /// <summary>One of <see cref="JobStates"/>.</summary>
    public string State { get; init; } = JobStates.Waiting;

    /// <summary>Attempts started so far (counted when claimed).</summary>
    public int Attempts { get; init; }

    /// <summary>A waiting job is claimable from this instant on.</summary>
    public DateTimeOffset RunAfter { get; init; }

    /// <summary>A running job whose lease passed is claimable again (its worker is presumed dead).</summary>
    public DateTimeOffset? LeaseUntil { get; init; }

    public string? LockedBy { get; init; }

    /// <summary>Type and message of the last failure; never a stack trace.</summary>
    public string? LastError { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>The states of a job, as stored: waiting → running → succeeded | waiting (retry) | dead.</summary>
public static class JobStates
{
    public const string Waiting = "waiting";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Dead = "dead";
    public const int MaxLength = 16;
}
