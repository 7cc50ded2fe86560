using MediaVault.Application.Abstractions;
using Microsoft.EntityFrameworkCore.Storage;

namespace MediaVault.Infrastructure.Persistence;

/// <summary>An explicit transaction on the request's <see cref="MediaVaultDbContext"/>; its saves and statements join it.</summary>
internal sealed class UnitOfWork(MediaVaultDbContext db) : IUnitOfWork
{
    public async Task<IUnitOfWorkTransaction> BeginTransactionAsync(CancellationToken cancellationToken) =>
        new Transaction(await db.Database.BeginTransactionAsync(cancellationToken));

    private sealed class Transaction(IDbContextTransaction transaction) : IUnitOfWorkTransaction
    {
        public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

        public ValueTask DisposeAsync() => transaction.DisposeAsync();
    }
}
