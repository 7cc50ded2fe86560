using MediaVault.Domain.Common;

namespace MediaVault.Application.Abstractions;

/// <summary>
/// Runs a read-only LINQ query that a use case composed over one kind of aggregate, as one SQL statement, without
/// tracking. For queries a specification cannot state, such as a keyset page merged from two index-ordered arms
/// (<c>UNION ALL</c>).
/// </summary>
public interface IQueryRunner
{
    Task<List<TResult>> ListAsync<T, TResult>(Func<IQueryable<T>, IQueryable<TResult>> query, CancellationToken cancellationToken)
        where T : class, IAggregateRoot;
}
