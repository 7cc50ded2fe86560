using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MediaVault.Integration.Tests.Support;

/// <summary>
/// Records every SQL command EF Core sends while serving an HTTP request (background work such as the job worker runs
/// outside any request and is left out), with the request's path and query, for tests that pin statements per request.
/// </summary>
public sealed class StatementCounter(IHttpContextAccessor requests) : DbCommandInterceptor
{
    private readonly ConcurrentQueue<(string Request, string Sql)> _commands = new();

    public void Clear() => _commands.Clear();

    /// <summary>The commands sent while serving <paramref name="pathAndQuery"/>, in order.</summary>
    public IReadOnlyList<string> For(string pathAndQuery) =>
        [.. _commands.Where(c => c.Request == pathAndQuery).Select(c => c.Sql)];

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Record(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(command, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Record(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(command, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Record(command, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(command, result));

    private T Record<T>(DbCommand command, T result)
    {
        var request = requests.HttpContext?.Request;
        if (request is not null)
        {
            _commands.Enqueue(($"{request.Path}{request.QueryString}", command.CommandText));
        }

        return result;
    }
}
