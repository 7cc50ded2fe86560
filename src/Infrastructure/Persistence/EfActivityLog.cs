using MediaVault.Application.Abstractions;
using MediaVault.Domain.Common;

namespace MediaVault.Infrastructure.Persistence;

/// <summary>
/// <see cref="IActivityLog"/> over the request's context: the entries are the only rows it tracks and saves (an
/// <c>INSERT</c> with nothing read back: their ids come from the application).
/// </summary>
internal sealed class EfActivityLog(MediaVaultDbContext db) : IActivityLog
{
    public async Task RecordAsync(IAggregateRoot source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        db.AddActivityOf(source);
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        source.ClearDomainEvents();
    }
}
