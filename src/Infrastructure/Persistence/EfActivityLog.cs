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
        var entries = source.DomainEvents.Select(ActivityRecorder.ToEntry).OfType<Domain.Activity.ActivityEntry>().ToList();
        if (entries.Count > 0)
        {
            db.Activity.AddRange(entries);
            await db.SaveChangesAsync(cancellationToken);
        }

        source.ClearDomainEvents();
    }
}
