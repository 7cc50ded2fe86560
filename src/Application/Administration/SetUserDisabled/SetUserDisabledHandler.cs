using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Domain.Users;
using Microsoft.Extensions.Logging;

namespace MediaVault.Application.Administration.SetUserDisabled;

public sealed record SetUserDisabledCommand(Guid UserId, bool Disabled);

/// <summary>
/// Administrators disable an account (it can no longer sign in and its tokens stop working) or enable it again. An
/// administrator does not disable its own account: that would lock out the person who could undo it.
/// </summary>
public sealed partial class SetUserDisabledHandler(IAccountAdministration accounts, ICurrentUser currentUser, ILogger<SetUserDisabledHandler> logger)
{
    public async Task<Result> HandleAsync(SetUserDisabledCommand command, CancellationToken cancellationToken)
    {
        if (!currentUser.IsAdmin)
        {
            return Result.Forbidden("Only administrators disable or enable accounts.");
        }

        var admin = currentUser.RequireId();
        var target = new UserId(command.UserId);
        if (command.Disabled && target == admin)
        {
            return Result.Conflict("You cannot disable your own account.");
        }

        if (!await accounts.SetDisabledAsync(target, command.Disabled, cancellationToken))
        {
            return Result.NotFound();
        }

        LogChanged(admin.Value, command.Disabled ? "disabled" : "enabled", target.Value);
        return Result.Success();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Administrator {AdminId} {Change} account {UserId}")]
    private partial void LogChanged(Guid adminId, string change, Guid userId);
}
