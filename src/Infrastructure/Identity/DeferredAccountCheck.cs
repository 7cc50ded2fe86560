using System.Buffers.Text;
using System.Security.Cryptography;
using MediaVault.Application.Abstractions;

namespace MediaVault.Infrastructure.Identity;

/// <summary>
/// The access token's account check of one request, left to ride with the request's first statement (ADR-084) instead
/// of a round trip of its own. Kept in the request's features; <see cref="AccountCheckInterceptor"/> hands it to exactly
/// one command, records what that command found, and hands it back when the command could not tell. Whatever is
/// still <see cref="IsPending"/> when the endpoint has answered is checked on its own before the answer is sent.
/// </summary>
public sealed class DeferredAccountCheck
{
    private const int Pending = 0;
    private const int InFlight = 1;
    private const int Passed = 2;
    private const int Refused = 3;

    private int _state;

    private DeferredAccountCheck(Guid subject, string claim, byte[] claimDigest)
    {
        Subject = subject;
        Claim = claim;
        ClaimDigest = claimDigest;
    }

    /// <summary>The account the token names.</summary>
    public Guid Subject { get; }

    /// <summary>The token's security stamp claim.</summary>
    public string Claim { get; }

    /// <summary>The claim decoded: the SHA-256 of the security stamp the token was issued with.</summary>
    internal byte[] ClaimDigest { get; }

    /// <summary>The caller's reach, once a statement that carried the check read it.</summary>
    public CallerReach? Reach { get; private set; }

    /// <summary>No statement has answered for the account yet (none ran, or none could tell).</summary>
    public bool IsPending => Volatile.Read(ref _state) is Pending or InFlight;

    /// <summary>The database refused the token: the account is gone, disabled, or its credentials changed.</summary>
    public bool IsRefused => Volatile.Read(ref _state) == Refused;

    /// <summary>
    /// The check of a token naming <paramref name="subject"/> with <paramref name="claim"/>, or <c>null</c> when they
    /// are not a well-formed account id and stamp claim (the token is then checked, and refused, up front).
    /// </summary>
    public static DeferredAccountCheck? For(string? subject, string? claim)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        return Guid.TryParse(subject, out var id) && claim is not null
            && Base64Url.TryDecodeFromChars(claim, digest, out var written) && written == digest.Length
                ? new DeferredAccountCheck(id, claim, digest.ToArray())
                : null;
    }

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
