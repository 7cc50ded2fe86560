using Ardalis.Specification;
using MediaVault.Application.Abstractions;
using MediaVault.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Infrastructure.Persistence;

/// <summary>
/// The repositories of every aggregate over the request's <see cref="MediaVaultDbContext"/>. Writes save at once, as
/// Ardalis' contract says, and a save commits every change the request made (one transaction).
/// </summary>
internal sealed class EfRepository<T>(MediaVaultDbContext db) : IRepository<T>, IReadRepository<T>
    where T : class, IAggregateRoot
{
    public async Task<T> AddAsync(T entity, CancellationToken cancellationToken = default)
    {
        db.Set<T>().Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return entity;
    }

    public async Task<IEnumerable<T>> AddRangeAsync(IEnumerable<T> entities, CancellationToken cancellationToken = default)
    {
        var list = entities.ToList();
        db.Set<T>().AddRange(list);
        await db.SaveChangesAsync(cancellationToken);
        return list;
    }

    public Task<int> UpdateAsync(T entity, CancellationToken cancellationToken = default)
    {
        if (db.Entry(entity).State == EntityState.Detached)
        {
            db.Set<T>().Update(entity);
        }

        return db.SaveChangesAsync(cancellationToken);
    }

    public Task<int> UpdateRangeAsync(IEnumerable<T> entities, CancellationToken cancellationToken = default)
    {
        foreach (var entity in entities.Where(e => db.Entry(e).State == EntityState.Detached))
        {
            db.Set<T>().Update(entity);
        }

        return db.SaveChangesAsync(cancellationToken);
    }

    public Task<int> DeleteAsync(T entity, CancellationToken cancellationToken = default)
    {
        db.Set<T>().Remove(entity);
        return db.SaveChangesAsync(cancellationToken);
    }

    public Task<int> DeleteRangeAsync(IEnumerable<T> entities, CancellationToken cancellationToken = default)
    {
        db.Set<T>().RemoveRange(entities);
        return db.SaveChangesAsync(cancellationToken);
    }

    public async Task<int> DeleteRangeAsync(ISpecification<T> specification, CancellationToken cancellationToken = default)
    {
        var entities = await Query(specification).ToListAsync(cancellationToken);
        db.Set<T>().RemoveRange(entities);
        return await db.SaveChangesAsync(cancellationToken);
    }

    public Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) => db.SaveChangesAsync(cancellationToken);

    public async Task<T?> GetByIdAsync<TId>(TId id, CancellationToken cancellationToken = default)
        where TId : notnull =>
        await db.Set<T>().FindAsync([id], cancellationToken);

    public Task<T?> FirstOrDefaultAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        Query(specification).FirstOrDefaultAsync(cancellationToken);

    public Task<TResult?> FirstOrDefaultAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken = default) =>
        Query(specification).FirstOrDefaultAsync(cancellationToken);

    public Task<T?> SingleOrDefaultAsync(ISingleResultSpecification<T> specification, CancellationToken cancellationToken = default) =>
        Query(specification).SingleOrDefaultAsync(cancellationToken);

    public Task<TResult?> SingleOrDefaultAsync<TResult>(ISingleResultSpecification<T, TResult> specification, CancellationToken cancellationToken = default) =>
        Query(specification).SingleOrDefaultAsync(cancellationToken);

    public Task<List<T>> ListAsync(CancellationToken cancellationToken = default) => db.Set<T>().ToListAsync(cancellationToken);

    public async Task<List<T>> ListAsync(ISpecification<T> specification, CancellationToken cancellationToken = default)
    {
        var items = await Query(specification).ToListAsync(cancellationToken);
        return specification.PostProcessingAction is null ? items : [.. specification.PostProcessingAction(items)];
    }

    public async Task<List<TResult>> ListAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken = default)
    {
        var items = await Query(specification).ToListAsync(cancellationToken);
        return specification.PostProcessingAction is null ? items : [.. specification.PostProcessingAction(items)];
    }

    public Task<int> CountAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        SpecificationEvaluator.Apply(db.Set<T>(), specification, criteriaOnly: true).CountAsync(cancellationToken);

    public Task<int> CountAsync(CancellationToken cancellationToken = default) => db.Set<T>().CountAsync(cancellationToken);

    public Task<bool> AnyAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        SpecificationEvaluator.Apply(db.Set<T>(), specification, criteriaOnly: true).AnyAsync(cancellationToken);

    public Task<bool> AnyAsync(CancellationToken cancellationToken = default) => db.Set<T>().AnyAsync(cancellationToken);

    public IAsyncEnumerable<T> AsAsyncEnumerable(ISpecification<T> specification) => Query(specification).AsAsyncEnumerable();

    private IQueryable<T> Query(ISpecification<T> specification) => SpecificationEvaluator.Apply(db.Set<T>(), specification);

    private IQueryable<TResult> Query<TResult>(ISpecification<T, TResult> specification) =>
        SpecificationEvaluator.Apply(db.Set<T>(), specification);
}
