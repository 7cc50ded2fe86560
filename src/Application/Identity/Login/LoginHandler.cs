using MediaVault.Application.Abstractions;
using MediaVault.Application.Common;
using MediaVault.Application.Identity.Sessions;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Identity.Login;

public sealed record LoginCommand(string? Email, string? Password);

/// <summary>
/// Signs in with e-mail and password and starts a session: a new refresh token family. Only a caller who knows the
/// password learns anything about the account (unverified, disabled); a locked-out account answers the same to
/// everybody until the lockout ends, even with the right password.
/// </summary>
public sealed class LoginHandler(
    IIdentityService identity,
    IRefreshTokenStore refreshTokens,
    IAccessTokenIssuer accessTokens,
    IdentitySettings settings,
    TimeProvider clock)
{
    public async Task<LoginResult> HandleAsync(LoginCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var validation = new Validation()
            .When(string.IsNullOrWhiteSpace(command.Email), "email", "email is required.")
            .When(string.IsNullOrEmpty(command.Password), "password", "password is required.");
        if (!validation.IsValid)
        {
            return LoginResult.Invalid(validation.Errors);
        }

        if (!EmailAddress.TryCreate(command.Email, out var address) || command.Password!.Length > AccountRules.PasswordMaxLength)
        {
            return LoginResult.Failed(LoginStatus.WrongCredentials);
        }

        var check = await identity.CheckPasswordAsync(address!, command.Password, cancellationToken);
        var now = clock.GetUtcNow();
        switch (check.Status)
        {
            case PasswordCheckStatus.LockedOut:
                var wait = (check.LockedOutUntil ?? now) - now;
                return LoginResult.LockedOut(wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait);
            case PasswordCheckStatus.WrongCredentials:
                return LoginResult.Failed(LoginStatus.WrongCredentials);
        }

        var account = check.Account ?? throw new InvalidOperationException("A successful password check names the account.");
        if (account.IsDisabled)
        {
            return LoginResult.Failed(LoginStatus.Disabled);
        }

        if (!account.EmailVerified)
        {
            return LoginResult.Failed(LoginStatus.EmailNotVerified);
        }

        await refreshTokens.PurgeExpiredAsync(account.Id, now, cancellationToken);
        var (refreshToken, refreshValue) = RefreshTokenSecret.Issue(Guid.CreateVersion7(), account.Id, now, settings.RefreshTokenLifetime);
        await refreshTokens.AddAsync(refreshToken, cancellationToken);
        var access = accessTokens.Issue(account);
        return LoginResult.SignedIn(new AuthTokens(access.Value, refreshValue, (int)access.Lifetime.TotalSeconds));
    }
}
