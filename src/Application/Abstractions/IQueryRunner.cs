using MediaVault.Domain.Common;

namespace MediaVault.Application.Abstractions;

/// <summary>
/// The read port for queries a specification cannot state, such as a keyset page merged from index-ordered arms
/// (<c>UNION</c>) or the access rule applied across aggregates: the use case composes LINQ over untracked sources, the
/// runner sends it as one SQL statement.
/// </summary>
public interface IQueryRunner
{
    Task<List<TResult>> ListAsync<T, TResult>(Func<IQueryable<T>, IQueryable<TResult>> query, CancellationToken cancellationToken)
        where T : class, IAggregateRoot;

    /// <summary>An untracked source of stored rows of <typeparamref name="T"/> (an aggregate or one of its parts) to compose over.</summary>
    IQueryable<T> Source<T>()
        where T : class;

    /// <summary>Runs a query composed over <see cref="Source{T}"/> as one statement.</summary>
    Task<List<TResult>> ListAsync<TResult>(IQueryable<TResult> query, CancellationToken cancellationToken);
}
