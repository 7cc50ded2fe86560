using System.Linq.Expressions;
using Ardalis.Specification;
using MediaVault.Application.Abstractions;
using MediaVault.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Infrastructure.Persistence;

/// <summary>
/// The repository of every aggregate over the request's <see cref="MediaVaultDbContext"/>. Writes save at once, as
/// Ardalis' contract says, and a save commits every change the request made (one transaction).
/// </summary>
internal sealed class EfRepository<T>(MediaVaultDbContext db) : EfRepositoryBase<T>(db, tracking: true), IRepository<T>
    where T : class, IAggregateRoot;

/// <summary>Reads aggregates and projections without tracking them: nothing read through it is saved by mistake.</summary>
internal sealed class EfReadRepository<T>(MediaVaultDbContext db) : EfRepositoryBase<T>(db, tracking: false), IReadRepository<T>
    where T : class, IAggregateRoot;

internal abstract class EfRepositoryBase<T>(MediaVaultDbContext db, bool tracking) : IRepositoryBase<T>
    where T : class, IAggregateRoot
{
    private IQueryable<T> Source => tracking ? db.Set<T>() : db.Set<T>().AsNoTracking();

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
        where TId : notnull
    {
        if (tracking)
        {
            return await db.Set<T>().FindAsync([id], cancellationToken);
        }

        return await ById<TId>.Query.For(db)(db, id, cancellationToken);
    }

    public Task<T?> FirstOrDefaultAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        Query(specification).FirstOrDefaultAsync(cancellationToken);

    public Task<TResult?> FirstOrDefaultAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken = default) =>
        Query(specification).FirstOrDefaultAsync(cancellationToken);

    public Task<T?> SingleOrDefaultAsync(ISingleResultSpecification<T> specification, CancellationToken cancellationToken = default) =>
        Query(specification).SingleOrDefaultAsync(cancellationToken);

    public Task<TResult?> SingleOrDefaultAsync<TResult>(ISingleResultSpecification<T, TResult> specification, CancellationToken cancellationToken = default) =>
        Query(specification).SingleOrDefaultAsync(cancellationToken);

    public Task<List<T>> ListAsync(CancellationToken cancellationToken = default) => Source.ToListAsync(cancellationToken);

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
        SpecificationEvaluator.Apply(Source, specification, criteriaOnly: true).CountAsync(cancellationToken);

    public Task<int> CountAsync(CancellationToken cancellationToken = default) => db.Set<T>().CountAsync(cancellationToken);

    public Task<bool> AnyAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        SpecificationEvaluator.Apply(Source, specification, criteriaOnly: true).AnyAsync(cancellationToken);

    public Task<bool> AnyAsync(CancellationToken cancellationToken = default) => db.Set<T>().AnyAsync(cancellationToken);

    public IAsyncEnumerable<T> AsAsyncEnumerable(ISpecification<T> specification) => Query(specification).AsAsyncEnumerable();

    private IQueryable<T> Query(ISpecification<T> specification) => SpecificationEvaluator.Apply(Source, specification);

    /// <summary>
    /// The untracked read of one <typeparamref name="T"/> by its id, compiled once per model: no per-call parameter
    /// extraction, expression hashing or translation look-up (a tenth of <c>POST /assets</c>' CPU went there). The id
    /// is a parameter of the compiled query, so every id shares one SQL text, which PostgreSQL prepares once.
    /// </summary>
    private static class ById<TId>
    {
        public static readonly CompiledPerModel<Func<MediaVaultDbContext, TId, CancellationToken, Task<T?>>> Query = new(() =>
            EF.CompileAsyncQuery(Lambda()));

        // db.Set<T>().AsNoTracking().FirstOrDefault(e => EF.Property<TId>(e, "Id") == id), for any T and TId.
        private static Expression<Func<MediaVaultDbContext, TId, CancellationToken, T?>> Lambda()
        {
            var db = Expression.Parameter(typeof(MediaVaultDbContext), "db");
            var id = Expression.Parameter(typeof(TId), "id");
            var cancellation = Expression.Parameter(typeof(CancellationToken), "_");
            var entity = Expression.Parameter(typeof(T), "e");
            var key = Expression.Call(typeof(EF), nameof(EF.Property), [typeof(TId)], entity, Expression.Constant("Id"));
            var byId = Expression.Lambda<Func<T, bool>>(Expression.Equal(key, id), entity);
            var set = Expression.Call(db, nameof(DbContext.Set), [typeof(T)]);
            var untracked = Expression.Call(typeof(EntityFrameworkQueryableExtensions), nameof(EntityFrameworkQueryableExtensions.AsNoTracking), [typeof(T)], set);
            var first = Expression.Call(
                typeof(Queryable), nameof(Queryable.FirstOrDefault), [typeof(T)], Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(T)], untracked, Expression.Quote(byId)));
            return Expression.Lambda<Func<MediaVaultDbContext, TId, CancellationToken, T?>>(first, db, id, cancellation);
        }
    }

    private IQueryable<TResult> Query<TResult>(ISpecification<T, TResult> specification) =>
        SpecificationEvaluator.Apply(Source, specification);
}
