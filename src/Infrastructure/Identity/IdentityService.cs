using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Domain.Owners;
using MediaVault.Domain.Users;
using MediaVault.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace MediaVault.Infrastructure.Identity;

/// <summary>The identity port over ASP.NET Core Identity's <see cref="UserManager{TUser}"/> and the request's unit of work.</summary>
internal sealed class IdentityService(UserManager<ApplicationUser> users, MediaVaultDbContext db, TimeProvider clock) : IIdentityService
{
    // Verified against when the address is unknown, so that an unknown address costs as long as a wrong password.
    private static readonly Lazy<string> DummyPasswordHash =
        new(() => new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), Guid.NewGuid().ToString()));

    public async Task<Result<Registration>> RegisterAsync(NewAccount account, Owner owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var user = new ApplicationUser
        {
            Id = account.Id.Value,
            UserName = account.Email.Value,
            Email = account.Email.Value,
            DisplayName = account.DisplayName,
            CreatedAt = account.CreatedAt,
        };

        // Inside the caller's unit of work (the sign-up and its mail commit together) or a transaction of its own.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        db.Owners.Add(owner);
        IdentityResult result;
        var savepoint = await SavepointAsync(cancellationToken);
        try
        {
            // Hashes the password first, then validates the user (a taken address fails here), then saves user and owner.
            result = await users.CreateAsync(user, account.Password);
        }
        catch (DbUpdateException)
        {
            // A concurrent sign-up with the same address won the race: the unique user name index refused this one, and
            // the transaction goes on from before the save.
            await RollBackToAsync(savepoint, cancellationToken);
            Forget(owner, user);
            result = IdentityResult.Failed(users.ErrorDescriber.DuplicateEmail(account.Email.Value));
        }

        if (result.Succeeded)
        {
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return Result.Success(new Registration(RegistrationOutcome.Created, await ToAccountAsync(user)));
        }

        Forget(owner, user);
        if (result.Errors.All(e => e.Code is not (nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName))))
        {
            return Result<Registration>.Invalid([.. result.Errors.Select(e => Error(e, passwordField: "password"))]);
        }

        // The password was valid and already hashed into the refused user: the existing account takes that hash.
        var registration = await ReplaceUnverifiedCredentialsAsync(account, user.PasswordHash!, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return Result.Success(registration);
    }

    /// <summary>
    /// Gives the unverified account of the address the new credentials: password hash, display name, a fresh lockout
    /// count and a new security stamp, which spends every token mailed before. One conditional update (Identity's
    /// concurrency stamp): if a verification of the account commits first, the update fails, is read again and
    /// leaves the now verified account alone.
    /// </summary>
    private async Task<Registration> ReplaceUnverifiedCredentialsAsync(NewAccount account, string passwordHash, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var existing = await users.FindByEmailAsync(account.Email.Value)
                ?? throw new InvalidOperationException("The store refused the address as taken but holds no account with it.");
            if (existing.IsDisabled)
            {
                return new Registration(RegistrationOutcome.Disabled, await ToAccountAsync(existing));
            }

            if (existing.EmailConfirmed)
            {
                return new Registration(RegistrationOutcome.AlreadyVerified, await ToAccountAsync(existing));
            }

            existing.PasswordHash = passwordHash;
            existing.DisplayName = account.DisplayName;
            existing.AccessFailedCount = 0;
            existing.LockoutEnd = null;
            var updated = await users.UpdateSecurityStampAsync(existing);
            if (updated.Succeeded)
            {
                return new Registration(RegistrationOutcome.CredentialsReplaced, await ToAccountAsync(existing));
            }

            db.Entry(existing).State = EntityState.Detached;
            if (attempt >= 3 || updated.Errors.All(e => e.Code != nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            {
                throw new InvalidOperationException($"Could not replace the credentials of an unverified account: {updated.Errors.First().Code}.");
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>The account and its role names in one statement (Identity would read the user, then its roles).</summary>
    public async Task<Account?> FindByIdAsync(UserId id, CancellationToken cancellationToken)
    {
        var row = await db.Users.AsNoTracking()
            .Where(u => u.Id == id.Value)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.DisplayName,
                u.EmailConfirmed,
                u.IsDisabled,
                u.SecurityStamp,
                u.CreatedAt,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null
            ? null
            : new Account(
                new UserId(row.Id),
                row.Email ?? string.Empty,
                row.DisplayName,
                row.EmailConfirmed,
                row.IsDisabled,
                row.SecurityStamp ?? string.Empty,
                [.. row.Roles.OfType<string>().Order(StringComparer.Ordinal)],
                row.CreatedAt);
    }

    public async Task<Account?> FindByEmailAsync(EmailAddress email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var user = await users.FindByEmailAsync(email.Value);
        return user is null ? null : await ToAccountAsync(user);
    }

    public async Task<PasswordCheck> CheckPasswordAsync(EmailAddress email, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var user = await users.FindByEmailAsync(email.Value);
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new ApplicationUser(), DummyPasswordHash.Value, password);
            return new PasswordCheck(PasswordCheckStatus.WrongCredentials);
        }

        // One attempt is taken from the allowance in the row itself before the hash is even checked (ADR-054): of any
        // number of concurrent guesses, at most MaxFailedAccessAttempts are ever evaluated before the lockout.
        if (!await TryTakeAttemptAsync(user.Id, cancellationToken))
        {
            return await LockedOutAsync(user, cancellationToken);
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            // Re-checked after the hash: the guess that used the last attempt locks the account, in one statement.
            await LockWhenAllowanceIsSpentAsync(user.Id, cancellationToken);
            await db.Entry(user).ReloadAsync(cancellationToken);
            return await users.IsLockedOutAsync(user)
                ? new PasswordCheck(PasswordCheckStatus.LockedOut, LockedOutUntil: user.LockoutEnd)
                : new PasswordCheck(PasswordCheckStatus.WrongCredentials);
        }

        await db.Users.Where(u => u.Id == user.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.AccessFailedCount, 0), cancellationToken);
        return new PasswordCheck(PasswordCheckStatus.Succeeded, await ToAccountAsync(user));
    }

    public async Task<string> CreateEmailConfirmationTokenAsync(UserId id, CancellationToken cancellationToken) =>
        await users.GenerateEmailConfirmationTokenAsync(await RequireAsync(id));

    public async Task<bool> ConfirmEmailAsync(UserId id, string token, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id.Value.ToString());
        if (user is null || !await users.VerifyUserTokenAsync(
                user, users.Options.Tokens.EmailConfirmationTokenProvider, UserManager<ApplicationUser>.ConfirmEmailTokenPurpose, token))
        {
            return false;
        }

        // Confirmed and a new security stamp in one conditional update: every other link mailed before is spent, and a
        // registration that replaced the credentials in the meantime makes this update fail.
        user.EmailConfirmed = true;
        return (await users.UpdateSecurityStampAsync(user)).Succeeded;
    }

    public async Task<string> CreatePasswordResetTokenAsync(UserId id, CancellationToken cancellationToken) =>
        await users.GeneratePasswordResetTokenAsync(await RequireAsync(id));

    public async Task<Result> ResetPasswordAsync(UserId id, string token, string newPassword, CancellationToken cancellationToken)
    {
        var user = await RequireAsync(id);
        // Checks the token, then the password; the new hash comes with a new security stamp, which spends the token.
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (!result.Succeeded)
        {
            return Result.Invalid([.. result.Errors.Select(e => Error(e, passwordField: "newPassword"))]);
        }

        // Whoever can read the mailbox may try again at once.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return Result.Success();
    }

    private const string BeforeSave = "mediavault_before_save";

    /// <summary>
    /// Inside a transaction, a savepoint before a save that may lose a race and be carried on from: PostgreSQL refuses
    /// every later statement of a transaction in which one failed, until it is rolled back to a savepoint. Units of work
    /// take no automatic savepoints (<see cref="Persistence.UnitOfWork"/>), so this one is explicit. Null outside one.
    /// </summary>
    private async Task<IDbContextTransaction?> SavepointAsync(CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not { SupportsSavepoints: true } transaction)
        {
            return null;
        }

        await transaction.CreateSavepointAsync(BeforeSave, cancellationToken);
        return transaction;
    }

    private static Task RollBackToAsync(IDbContextTransaction? savepoint, CancellationToken cancellationToken) =>
        savepoint is null ? Task.CompletedTask : savepoint.RollbackToSavepointAsync(BeforeSave, cancellationToken);

    public async Task<Account> AddToRoleAsync(UserId id, string role, CancellationToken cancellationToken)
    {
        var user = await RequireAsync(id);
        if (!await users.IsInRoleAsync(user, role))
        {
            var savepoint = await SavepointAsync(cancellationToken);
            try
            {
                var result = await users.AddToRoleAsync(user, role);
                if (!result.Succeeded && result.Errors.All(e => e.Code != nameof(IdentityErrorDescriber.UserAlreadyInRole)))
                {
                    throw new InvalidOperationException($"Could not add the user to the role {role}: {result.Errors.First().Code}.");
                }
            }
            catch (DbUpdateException)
            {
                // Another request (a second sign-in) added the role at the same moment.
                await RollBackToAsync(savepoint, cancellationToken);
                db.ChangeTracker.Clear();
                user = await RequireAsync(id);
            }
        }

        return await ToAccountAsync(user);
    }

    /// <summary>Counts one attempt while the account is not locked and has attempts left; <c>false</c> when it has none.</summary>
    private async Task<bool> TryTakeAttemptAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var max = users.Options.Lockout.MaxFailedAccessAttempts;
        return await db.Users
            .Where(u => u.Id == id && u.AccessFailedCount < max && (u.LockoutEnd == null || u.LockoutEnd <= now))
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.AccessFailedCount, x => x.AccessFailedCount + 1), cancellationToken) == 1;
    }

    /// <summary>
    /// Locks the account once its attempts are spent, and starts the count again for the time after the lockout. A
    /// lockout left by an earlier, expired window is over: its spent count starts again as well.
    /// </summary>
    private async Task LockWhenAllowanceIsSpentAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var max = users.Options.Lockout.MaxFailedAccessAttempts;
        var until = now + users.Options.Lockout.DefaultLockoutTimeSpan;
        await db.Users
            .Where(u => u.Id == id && u.AccessFailedCount >= max && (u.LockoutEnd == null || u.LockoutEnd <= now))
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, until).SetProperty(x => x.AccessFailedCount, 0), cancellationToken);
    }

    private async Task<PasswordCheck> LockedOutAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        await db.Entry(user).ReloadAsync(cancellationToken);
        if (!await users.IsLockedOutAsync(user))
        {
            // The attempts are spent by guesses still being checked: the last of them sets the lockout.
            return new PasswordCheck(PasswordCheckStatus.LockedOut, LockedOutUntil: clock.GetUtcNow() + users.Options.Lockout.DefaultLockoutTimeSpan);
        }

        return new PasswordCheck(PasswordCheckStatus.LockedOut, LockedOutUntil: user.LockoutEnd);
    }

    private async Task<ApplicationUser> RequireAsync(UserId id) =>
        await users.FindByIdAsync(id.Value.ToString()) ?? throw new InvalidOperationException($"User {id} does not exist.");

    private async Task<Account> ToAccountAsync(ApplicationUser user)
    {
        var roles = await users.GetRolesAsync(user);
        return new Account(
            new UserId(user.Id),
            user.Email ?? string.Empty,
            user.DisplayName,
            user.EmailConfirmed,
            user.IsDisabled,
            user.SecurityStamp ?? string.Empty,
            [.. roles.Order(StringComparer.Ordinal)],
            user.CreatedAt);
    }

    private void Forget(Owner owner, ApplicationUser user)
    {
        db.Entry(owner).State = EntityState.Detached;
        db.Entry(user).State = EntityState.Detached;
    }

    private static ValidationError Error(IdentityError error, string passwordField)
    {
        var field = error.Code switch
        {
            nameof(IdentityErrorDescriber.InvalidToken) => "token",
            _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => passwordField,
            _ => "email",
        };
        return new ValidationError { Identifier = field, ErrorMessage = error.Description, Severity = ValidationSeverity.Error };
    }
}
