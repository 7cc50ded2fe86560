using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace MediaVault.Infrastructure.Jobs;

/// <summary>Wakes this instance's <see cref="JobWorker"/> before its next poll: a job was committed, or a slot came free.</summary>
internal sealed class JobSignal : IDisposable
{
    private readonly SemaphoreSlim _pulse = new(0, 1);
    private readonly Lock _lock = new();

    public void Notify()
    {
        lock (_lock)
        {
            if (_pulse.CurrentCount == 0)
            {
                _pulse.Release();
            }
        }
    }

    public void Dispose() => _pulse.Dispose();

    /// <summary>Waits for a <see cref="Notify"/> or for <paramref name="timeout"/>, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _pulse.WaitAsync(timeout, cancellationToken);
}

/// <summary>
/// Notifies <see cref="JobSignal"/> once a save that wrote a job is committed: right after the save, or after the commit
/// of the explicit transaction the save joined. A rolled-back job wakes nobody. On PostgreSQL it also wakes the other
/// instances (<see cref="PostgresJobListener"/>): <c>pg_notify</c> is sent inside the transaction just before its commit
/// (PostgreSQL delivers it on commit only), or right after a save that ran without a transaction (one statement, already
/// committed).
/// </summary>
internal sealed partial class JobSignalInterceptor(JobSignal signal, ILogger<JobSignalInterceptor> logger)
    : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private const string NotifySql = $"SELECT pg_notify('{PostgresJobListener.Channel}', '')";

    private readonly ConditionalWeakTable<DbContext, PendingJobs> _pending = [];

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Unsent(eventData.Context, canSend: eventData.Context?.Database.CurrentTransaction is null) is { } context)
        {
            await NotifyOthersAsync(context, cancellationToken);
        }

        Saved(eventData.Context);
        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Unsent(eventData.Context, canSend: eventData.Context?.Database.CurrentTransaction is null) is { } context)
        {
            NotifyOthersAsync(context, CancellationToken.None).GetAwaiter().GetResult();
        }

        Saved(eventData.Context);
        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (Unsent(eventData.Context, canSend: true) is not null)
        {
            await using var command = NotifyCommand(transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return result;
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (Unsent(eventData.Context, canSend: true) is not null)
        {
            using var command = NotifyCommand(transaction);
            command.ExecuteNonQuery();
        }

        return result;
    }

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    private void Remember(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<Job>().Any(e => e.State == EntityState.Added))
        {
            _pending.AddOrUpdate(context, new PendingJobs());
        }
    }

    /// <summary>
    /// The context when it wrote a job the other instances were not told of yet and may be told of now (on PostgreSQL);
    /// marks them told. <paramref name="canSend"/> false: the save joined a transaction, whose commit sends it.
    /// </summary>
    private DbContext? Unsent(DbContext? context, bool canSend)
    {
        if (context is null || !canSend || !_pending.TryGetValue(context, out var pending) || pending.OthersNotified || !context.Database.IsNpgsql())
        {
            return null;
        }

        pending.OthersNotified = true;
        return context;
    }

    private static DbCommand NotifyCommand(DbTransaction transaction)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = NotifySql;
        return command;
    }

    /// <summary>
    /// After a save that committed on its own. A failure here loses only the wake-up (the other instances find the job
    /// at their next poll), so it is logged, and the save, which did commit, does not fail.
    /// </summary>
    private async Task NotifyOthersAsync(DbContext context, CancellationToken cancellationToken)
    {
        try
        {
            await context.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await using var command = context.Database.GetDbConnection().CreateCommand();
                command.CommandText = NotifySql;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            finally
            {
                await context.Database.CloseConnectionAsync();
            }
        }
        catch (DbException e)
        {
            LogNotifyFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telling the other instances of a committed job failed; they find it at their next poll")]
    private partial void LogNotifyFailed(Exception exception);

    /// <summary>A context's save wrote jobs that were not committed yet (or whose wake-ups are not all sent).</summary>
    private sealed class PendingJobs
    {
        public bool OthersNotified { get; set; }
    }

    private void Saved(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Committed(context);
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && _pending.Remove(context))
        {
            signal.Notify();
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }
}
