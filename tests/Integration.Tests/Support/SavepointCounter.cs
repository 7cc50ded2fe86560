using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MediaVault.Integration.Tests.Support;

/// <summary>
/// Records every savepoint EF Core takes, and every transaction it begins, while serving an HTTP request, with the
/// request's path: both are sent through the connection or the transaction, not as commands, so
/// <see cref="StatementCounter"/> does not see them (nor the <c>COMMIT</c> that ends a transaction).
/// </summary>
public sealed class SavepointCounter(IHttpContextAccessor requests) : DbTransactionInterceptor
{
    private readonly ConcurrentQueue<string> _savepoints = new();

    private readonly ConcurrentQueue<string> _transactions = new();

    public void Clear()
    {
        _savepoints.Clear();
        _transactions.Clear();
    }

    /// <summary>How many savepoints were taken while serving <paramref name="path"/>.</summary>
    public int For(string path) => _savepoints.Count(p => p == path);

    /// <summary>How many transactions were begun while serving <paramref name="path"/>.</summary>
    public int TransactionsFor(string path) => _transactions.Count(p => p == path);

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Record(_transactions);
        return result;
    }

    public override ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        Record(_transactions);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult CreatingSavepoint(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        Record(_savepoints);
        return result;
    }

    public override ValueTask<InterceptionResult> CreatingSavepointAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Record(_savepoints);
        return ValueTask.FromResult(result);
    }

    private void Record(ConcurrentQueue<string> into)
    {
        if (requests.HttpContext?.Request is { } request)
        {
            into.Enqueue(request.Path.Value ?? string.Empty);
        }
    }
}
