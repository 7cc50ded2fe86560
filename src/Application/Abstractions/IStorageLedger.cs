using MediaVault.Domain.Owners;

namespace MediaVault.Application.Abstractions;

/// <summary>
/// Writes an owner's storage accounting. The <see cref="Owner"/> decides each change from the state it was loaded with
/// and raises a storage movement; this port applies the movements it raised to the stored row, each as one conditional
/// statement that repeats the rule against the row as it is now (ADR-053). Its answer, not the loaded state, decides a
/// race: of many uploads reserving an owner's last bytes, exactly as many win as fit, and none is refused for a mere
/// race. Owners are therefore read untracked: the repositories never write their storage columns.
/// </summary>
public interface IStorageLedger
{
    /// <summary>
    /// Applies and forgets every storage movement <paramref name="owner"/> raised, in order. Returns <c>false</c> when
    /// the store refused one (a reservation no longer fits the quota); the caller then rolls its transaction back.
    /// Run it inside an <see cref="IUnitOfWork"/> transaction with the asset change it belongs to.
    /// </summary>
    Task<bool> TryApplyAsync(Owner owner, CancellationToken cancellationToken);

    /// <summary>
    /// Applies every storage movement <paramref name="owner"/> raised together with <paramref name="save"/> (the change
    /// they belong to, saved through a repository), atomically: both or neither. Returns <c>false</c> when the store
    /// refused a movement; then nothing of <paramref name="save"/> is stored and nothing of it stays pending. Opens its
    /// own transaction where it needs one: call it outside any <see cref="IUnitOfWork"/> transaction.
    /// </summary>
    Task<bool> TrySaveWithAsync(Owner owner, Func<CancellationToken, Task> save, CancellationToken cancellationToken);
}
