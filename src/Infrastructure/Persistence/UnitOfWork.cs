using MediaVault.Application.Abstractions;
using Microsoft.EntityFrameworkCore.Storage;

namespace MediaVault.Infrastructure.Persistence;

/// <summary>
/// An explicit transaction on the request's <see cref="MediaVaultDbContext"/>; its saves and statements join it. Its saves
/// take no savepoint: a unit of work that fails is rolled back whole, so EF Core's automatic savepoint around each save
/// in a transaction would only add two statements to every write (<c>SAVEPOINT</c>, <c>RELEASE</c>). The one save that
/// may fail and be carried on from (a sign-up losing the race for its address) takes its own
/// (<see cref="Identity.IdentityService"/>).
/// </summary>
internal sealed class UnitOfWork(MediaVaultDbContext db) : IUnitOfWork
{
    public async Task<IUnitOfWorkTransaction> BeginTransactionAsync(CancellationToken cancellationToken)
    {
        db.Database.AutoSavepointsEnabled = false;
        return new Transaction(await db.Database.BeginTransactionAsync(cancellationToken));
    }

    private sealed class Transaction(IDbContextTransaction transaction) : IUnitOfWorkTransaction
    {
        public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

        public ValueTask DisposeAsync() => transaction.DisposeAsync();
    }
}
