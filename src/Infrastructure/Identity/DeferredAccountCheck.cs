using MediaVault.Application.Abstractions;

namespace MediaVault.Infrastructure.Identity;

/// <summary>
/// The access token's account check of one request, left to ride with the request's first statement (ADR-084) instead
/// of a round trip of its own. Kept in the request's features; <see cref="AccountCheckInterceptor"/> hands it to exactly
/// one command, records what that command found, and hands it back when the command could not tell. Whatever is
/// still <see cref="IsPending"/> when the endpoint has answered is checked on its own before the answer is sent.
/// </summary>
public sealed class DeferredAccountCheck(Guid subject, string claim)
{
    private const int Pending = 0;
    private const int InFlight = 1;
    private const int Passed = 2;
    private const int Refused = 3;

    private int _state;

    /// <summary>The account the token names.</summary>
    public Guid Subject { get; } = subject;

    /// <summary>The token's security stamp claim.</summary>
    public string Claim { get; } = claim;

    /// <summary>The caller's reach, once a statement that carried the check read it.</summary>
    public CallerReach? Reach { get; private set; }

    /// <summary>No statement has answered for the account yet (none ran, or none could tell).</summary>
    public bool IsPending => Volatile.Read(ref _state) is Pending or InFlight;

    /// <summary>The database refused the token: the account is gone, disabled, or its credentials changed.</summary>
    public bool IsRefused => Volatile.Read(ref _state) == Refused;

    /// <summary>Takes the check for one command; <c>false</c> when another command has it or it is settled.</summary>
    internal bool TryTake() => Interlocked.CompareExchange(ref _state, InFlight, Pending) == Pending;

    internal void Pass(CallerReach? reach)
    {
        Reach = reach;
        Volatile.Write(ref _state, Passed);
    }

    internal void Refuse() => Volatile.Write(ref _state, Refused);

    /// <summary>The command that carried it failed before the database could answer for the account.</summary>
    internal void GiveBack() => Interlocked.CompareExchange(ref _state, Pending, InFlight);
}
