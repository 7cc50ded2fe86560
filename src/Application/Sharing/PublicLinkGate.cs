using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Sharing.Specifications;
using MediaVault.Domain.Sharing;

namespace MediaVault.Application.Sharing;

/// <summary>
/// What a public-link call came to: the <see cref="Outcome"/>, or, when the link refuses password attempts for a while
/// (429, which has no <see cref="ResultStatus"/>), how long until it takes them again (<see cref="RetryAfter"/>).
/// </summary>
public sealed record LinkResult<T>(Result<T> Outcome, TimeSpan? RetryAfter = null)
{
#pragma warning disable CA2225 // The named alternative is the constructor.
    public static implicit operator LinkResult<T>(Result<T> outcome) => new(outcome);
#pragma warning restore CA2225
}

/// <summary>
/// The door of every anonymous link call: the link its token names, if it is of a kind the call serves and usable now,
/// and, when it has a password, only with the right one. Wrong passwords are counted in the store in one statement and,
/// past <see cref="ShareLink.MaxPasswordFailures"/> within the window, refused for a while, the right one included
/// (ADR-055). Unknown, revoked, expired, used-up and other-kind links all look the same: not found.
/// </summary>
public sealed class PublicLinkGate(IRepository<ShareLink> links, ISecretHasher secrets, ILinkPasswordFailures passwordFailures)
{
    /// <summary>
    /// Opens the link (tracked, so that its use can be recorded) or says why not: <see cref="LinkOpening.Refuse{T}"/>
    /// turns the refusal into the call's answer. <paramref name="checkPassword"/> is false only for the call that shows
    /// whether a password is needed.
    /// </summary>
    public async Task<LinkOpening> OpenAsync(
        string? token, string? password, IReadOnlySet<LinkKind> kinds, bool checkPassword, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        if (!LinkTokens.IsWellFormed(token))
        {
            return LinkOpening.NotFound;
        }

        var link = await links.FirstOrDefaultAsync(new LinkByTokenHashSpec(LinkTokens.Hash(token!), forUpdate: true), cancellationToken);
        if (link is null || !kinds.Contains(link.Kind) || !link.IsUsableAt(now))
        {
            return LinkOpening.NotFound;
        }

        if (checkPassword && link.PasswordHash is { } passwordHash)
        {
            // Refused before the hash is checked, the right password included (ADR-055).
            if (link.PasswordAttemptsRefusedUntil(now) is { } until)
            {
                return new LinkOpening(null, "This link refuses password attempts for a while.", until - now);
            }

            if (string.IsNullOrEmpty(password) || !secrets.Verify(passwordHash, password))
            {
                link.RecordWrongPassword(now);
                await passwordFailures.RecordFailureAsync(link.Id, now, cancellationToken);
                return new LinkOpening(null, "This link asks for its password.", null);
            }
        }

        return new LinkOpening(link, null, null);
    }
}

/// <summary>A link opened by <see cref="PublicLinkGate"/> (<see cref="Link"/>), or why not: not found, or a password refused (with a wait when it is 429).</summary>
public sealed record LinkOpening(ShareLink? Link, string? PasswordRefusal, TimeSpan? RetryAfter)
{
    public static readonly LinkOpening NotFound = new(null, null, null);

    /// <summary>The answer for a link that did not open: 404, 401, or 401 with a wait (the endpoint's 429).</summary>
    public LinkResult<T> Refuse<T>() => PasswordRefusal is { } message
        ? new LinkResult<T>(Result<T>.Unauthorized(message), RetryAfter)
        : new LinkResult<T>(Result<T>.NotFound());
}

/// <summary>The kinds of link each public call serves.</summary>
public static class LinkKinds
{
    public static readonly IReadOnlySet<LinkKind> Asset = new HashSet<LinkKind> { LinkKind.Asset };

    public static readonly IReadOnlySet<LinkKind> View = new HashSet<LinkKind> { LinkKind.View };

    public static readonly IReadOnlySet<LinkKind> Upload = new HashSet<LinkKind> { LinkKind.Upload };

    public static readonly IReadOnlySet<LinkKind> Any = new HashSet<LinkKind> { LinkKind.Asset, LinkKind.View, LinkKind.Upload };
}
