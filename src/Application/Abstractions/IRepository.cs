using Ardalis.Specification;
using MediaVault.Domain.Common;

namespace MediaVault.Application.Abstractions;

/// <summary>
/// Loads and saves one kind of aggregate. Saving commits the whole unit of work of the request (every aggregate the
/// request changed, and the activity entries their events produce) in one transaction.
/// </summary>
public interface IRepository<T> : IRepositoryBase<T>
    where T : class, IAggregateRoot;

/// <summary>Reads aggregates or projections without tracking them for change.</summary>
public interface IReadRepository<T> : IReadRepositoryBase<T>
    where T : class, IAggregateRoot;
