using Ardalis.Result;
using MediaVault.Application.Identity.Sessions;

namespace MediaVault.Application.Identity.Login;

public enum LoginStatus
{
    SignedIn,
    Invalid,
    WrongCredentials,
    EmailNotVerified,
    Disabled,
    LockedOut,
}

/// <summary>
/// What a sign-in attempt came to. A lockout (429 with how long to wait) has no <see cref="ResultStatus"/>, so
/// sign-in has this small result of its own.
/// </summary>
public sealed record LoginResult
{
    private LoginResult(LoginStatus status) => Status = status;

    public LoginStatus Status { get; }

    /// <summary>Set when <see cref="LoginStatus.SignedIn"/>.</summary>
    public AuthTokens? Tokens { get; private init; }

    /// <summary>Set when <see cref="LoginStatus.LockedOut"/>: how long until the next attempt may succeed.</summary>
    public TimeSpan RetryAfter { get; private init; }

    /// <summary>Set when <see cref="LoginStatus.Invalid"/>.</summary>
    public IReadOnlyList<ValidationError> ValidationErrors { get; private init; } = [];

    public static LoginResult SignedIn(AuthTokens tokens) => new(LoginStatus.SignedIn) { Tokens = tokens };

    public static LoginResult Invalid(IReadOnlyList<ValidationError> errors) => new(LoginStatus.Invalid) { ValidationErrors = errors };

    public static LoginResult LockedOut(TimeSpan retryAfter) => new(LoginStatus.LockedOut) { RetryAfter = retryAfter };

    public static LoginResult Failed(LoginStatus status) => new(status);
}
