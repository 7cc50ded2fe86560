using MediaVault.Application.Abstractions;
using MediaVault.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Infrastructure.Persistence;

/// <summary>Runs a use case's LINQ query over the request's <see cref="MediaVaultDbContext"/>, untracked, as one statement.</summary>
internal sealed class EfQueryRunner(MediaVaultDbContext db) : IQueryRunner
{
    public Task<List<TResult>> ListAsync<T, TResult>(Func<IQueryable<T>, IQueryable<TResult>> query, CancellationToken cancellationToken)
        where T : class, IAggregateRoot
    {
        ArgumentNullException.ThrowIfNull(query);
        return query(db.Set<T>().AsNoTracking()).ToListAsync(cancellationToken);
    }

    public IQueryable<T> Source<T>()
        where T : class => db.Set<T>().AsNoTracking();

    public Task<List<TResult>> ListAsync<TResult>(IQueryable<TResult> query, CancellationToken cancellationToken) =>
        query.ToListAsync(cancellationToken);
}
