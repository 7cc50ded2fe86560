using MediaVault.Domain.Common;

namespace MediaVault.Application.Abstractions;

/// <summary>
/// Appends to the activity log what an aggregate read untracked has raised, and writes nothing else of it. For a use
/// case that changes no state and only leaves a trace (a download URL handed out): the aggregate still checks its
/// rules and raises the event, but saving it through <see cref="IRepository{T}"/> would load it tracked and compare
/// every field of it, its tags and its renditions to find that nothing changed.
/// </summary>
public interface IActivityLog
{
    /// <summary>Writes one activity line per event of <paramref name="source"/> that has one, in one statement each, then forgets the events.</summary>
    Task RecordAsync(IAggregateRoot source, CancellationToken cancellationToken);
}
