using System.Data.Common;
using MediaVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;

namespace MediaVault.Infrastructure.Jobs;

/// <summary>A job this worker holds the lease of.</summary>
internal sealed record ClaimedJob(Guid Id, string Kind, string Payload, int Attempts);

/// <summary>
/// Every state change of a job after it was enqueued. Each call is one short statement in a context of its own: no
/// transaction stays open while a handler runs. Every change after the claim is conditional on this worker still
/// holding the job (<c>locked_by</c> and state <c>running</c>), so a worker that lost its lease never overwrites the
/// result of the one that took the job over.
/// </summary>
internal sealed class JobStore(IServiceScopeFactory scopes, TimeProvider clock, JobMetrics metrics)
{
    private static readonly DateTimeOffsetToBinaryConverter SqliteInstant = new();

    /// <summary>
    /// Claims up to <paramref name="max"/> jobs of <paramref name="kind"/>: due waiting jobs and running jobs whose lease
    /// passed, oldest first. On PostgreSQL the candidates are locked with <c>FOR UPDATE SKIP LOCKED</c> (as
    /// <see cref="AbandonedUploadClaims"/> does), so workers on several instances claim side by side without ever
    /// taking the same row; the single statement is its own short transaction. SQLite has one writer at a time, so
    /// the same conditional <c>UPDATE … RETURNING</c> without the lock clause is already atomic there.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedJob>> ClaimAsync(string kind, int max, string workerId, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediaVaultDbContext>();
        var postgres = db.Database.IsNpgsql();
        var now = clock.GetUtcNow();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            metrics.Statement("claim");
            command.CommandText = $"""
                UPDATE jobs SET state = '{JobStates.Running}', attempts = attempts + 1, lease_until = @lease_until,
                    locked_by = @worker, updated_at = @now
                WHERE id IN (
                    SELECT id FROM jobs
                    WHERE kind = @kind
                      AND ((state = '{JobStates.Waiting}' AND run_after <= @now) OR (state = '{JobStates.Running}' AND lease_until < @now))
                    ORDER BY run_after
                    LIMIT @max
                    {(postgres ? "FOR UPDATE SKIP LOCKED" : string.Empty)})
                RETURNING id, payload, attempts
                """;
            Add(command, "lease_until", Instant(postgres, now + lease));
            Add(command, "worker", workerId);
            Add(command, "now", Instant(postgres, now));
            Add(command, "kind", kind);
            Add(command, "max", max);
            var claimed = new List<ClaimedJob>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                claimed.Add(new ClaimedJob(reader.GetGuid(0), kind, reader.GetString(1), reader.GetInt32(2)));
            }

            return claimed;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The earliest instant a job of one of <paramref name="kinds"/> becomes claimable, in one statement: the earliest
    /// <c>run_after</c> of waiting jobs and the earliest <c>lease_until</c> of running jobs, the two arms of
    /// <see cref="ClaimAsync"/>'s condition; null when no such job exists. The instant may have passed already (a job
    /// another worker is claiming right now).
    /// </summary>
    public async Task<DateTimeOffset?> NextDueAsync(IReadOnlyCollection<string> kinds, CancellationToken cancellationToken)
    {
        if (kinds.Count == 0)
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediaVaultDbContext>();
        var postgres = db.Database.IsNpgsql();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            metrics.Statement("next-due");
            var names = kinds.Select((_, i) => $"@kind{i}").ToList();
            command.CommandText = $"""
                SELECT MIN(CASE WHEN state = '{JobStates.Waiting}' THEN run_after ELSE lease_until END) FROM jobs
                WHERE kind IN ({string.Join(", ", names)})
                  AND (state = '{JobStates.Waiting}' OR (state = '{JobStates.Running}' AND lease_until IS NOT NULL))
                """;
            var i = 0;
            foreach (var kind in kinds)
            {
                Add(command, names[i++], kind);
            }

            var value = await command.ExecuteScalarAsync(cancellationToken);
            return value switch
            {
                null or DBNull => null,
                DateTime at => new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)),
                DateTimeOffset at => at,
                long ticks => (DateTimeOffset)SqliteInstant.ConvertFromProvider(ticks)!,
                _ => throw new InvalidOperationException($"Unexpected due time of type {value.GetType()}."),
            };
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Extends the lease; false when this worker no longer holds the job (it was taken over).</summary>
    public Task<bool> RenewAsync(Guid id, string workerId, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return UpdateHeldAsync("renew", id, workerId, s => s
            .SetProperty(x => x.LeaseUntil, now + lease)
            .SetProperty(x => x.UpdatedAt, now), cancellationToken);
    }

    /// <summary>
    /// Records success. The payload is emptied at once (a mail job's payload carries the link it mailed): the row keeps
    /// only what an operator needs (kind, attempts, times) until it is deleted after <c>Jobs__SucceededRetentionHours</c>.
    /// </summary>
    public Task<bool> SucceedAsync(Guid id, string workerId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return UpdateHeldAsync("succeed", id, workerId, s => s
            .SetProperty(x => x.State, JobStates.Succeeded)
            .SetProperty(x => x.Payload, string.Empty)
            .SetProperty(x => x.LeaseUntil, (DateTimeOffset?)null)
            .SetProperty(x => x.LockedBy, (string?)null)
            .SetProperty(x => x.UpdatedAt, now), cancellationToken);
    }

    /// <summary>Records a failed attempt: back to waiting until <paramref name="retryAt"/>, or dead when it is null.</summary>
    public Task<bool> FailAsync(Guid id, string workerId, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lastError = error.Length > Job.LastErrorMaxLength ? error[..Job.LastErrorMaxLength] : error;
        return UpdateHeldAsync("fail", id, workerId, s =>
        {
            s.SetProperty(x => x.State, retryAt is null ? JobStates.Dead : JobStates.Waiting)
                .SetProperty(x => x.LastError, lastError)
                .SetProperty(x => x.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(x => x.LockedBy, (string?)null)
                .SetProperty(x => x.UpdatedAt, now);
            if (retryAt is { } at)
            {
                s.SetProperty(x => x.RunAfter, at);
            }
        }, cancellationToken);
    }

    /// <summary>Gives a job back untouched (the instance is stopping): waiting, due now, the attempt not counted.</summary>
    public Task<bool> ReleaseAsync(Guid id, string workerId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return UpdateHeldAsync("release", id, workerId, s => s
            .SetProperty(x => x.State, JobStates.Waiting)
            .SetProperty(x => x.Attempts, x => x.Attempts - 1)
            .SetProperty(x => x.RunAfter, now)
            .SetProperty(x => x.LeaseUntil, (DateTimeOffset?)null)
            .SetProperty(x => x.LockedBy, (string?)null)
            .SetProperty(x => x.UpdatedAt, now), cancellationToken);
    }

    /// <summary>Deletes succeeded jobs that finished before <paramref name="cutoff"/>; dead jobs stay for an operator.</summary>
    public async Task<int> DeleteSucceededAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediaVaultDbContext>();
        metrics.Statement("cleanup");
        return await db.Jobs.Where(j => j.State == JobStates.Succeeded && j.UpdatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<bool> UpdateHeldAsync(
        string operation, Guid id, string workerId, Action<UpdateSettersBuilder<Job>> set, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediaVaultDbContext>();
        metrics.Statement(operation);
        var updated = await db.Jobs
            .Where(j => j.Id == id && j.LockedBy == workerId && j.State == JobStates.Running)
            .ExecuteUpdateAsync(set, cancellationToken);
        return updated == 1;
    }

    private static object Instant(bool postgres, DateTimeOffset instant) =>
        postgres ? instant.ToUniversalTime() : SqliteInstant.ConvertToProvider(instant.ToUniversalTime())!;

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
