using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace MediaVault.Infrastructure.Persistence;

/// <summary>
/// An EF Core compiled query (<see cref="EF.CompileAsyncQuery{TContext, TParam1, TResult}(System.Linq.Expressions.Expression{Func{TContext, TParam1, CancellationToken, TResult}})"/>)
/// for each model it meets. A compiled query skips what EF does for every LINQ query it is handed (parameter
/// extraction and the look-up of the cached translation), but it is bound to the model it first ran against, and
/// the PostgreSQL and SQLite contexts each have their own (the tests run both in one process).
/// </summary>
internal sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConcurrentDictionary<IModel, TQuery> _compiled = new();

    public TQuery For(DbContext db) => _compiled.GetOrAdd(db.Model, static (_, compile) => compile(), compile);
}
