using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MediaVault.Integration.Tests.Support;

/// <summary>
/// Records every savepoint EF Core takes while serving an HTTP request, with the request's path: savepoints are sent
/// through the transaction, not as commands, so <see cref="StatementCounter"/> does not see them.
/// </summary>
public sealed class SavepointCounter(IHttpContextAccessor requests) : DbTransactionInterceptor
{
    private readonly ConcurrentQueue<string> _savepoints = new();

    public void Clear() => _savepoints.Clear();

    /// <summary>How many savepoints were taken while serving <paramref name="path"/>.</summary>
    public int For(string path) => _savepoints.Count(p => p == path);

    public override InterceptionResult CreatingSavepoint(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        Record();
        return result;
    }

    public override ValueTask<InterceptionResult> CreatingSavepointAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Record();
        return ValueTask.FromResult(result);
    }

    private void Record()
    {
        if (requests.HttpContext?.Request is { } request)
        {
            _savepoints.Enqueue(request.Path.Value ?? string.Empty);
        }
    }
}
