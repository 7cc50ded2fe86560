using MediaVault.Domain.Users;

namespace MediaVault.Application.Abstractions;

/// <summary>The person on whose behalf the current request runs.</summary>
public interface ICurrentUser
{
    /// <summary>The signed-in user's id, or <c>null</c> for an anonymous caller.</summary>
    UserId? Id { get; }

    bool IsAdmin { get; }
}

public static class CurrentUserExtensions
{
    /// <summary>The signed-in user's id; the endpoints that call this require authentication.</summary>
    public static UserId RequireId(this ICurrentUser user) =>
        user.Id ?? throw new InvalidOperationException("This use case requires an authenticated caller.");
}
