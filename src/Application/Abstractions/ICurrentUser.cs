using MediaVault.Domain.Users;

namespace MediaVault.Application.Abstractions;

/// <summary>The person on whose behalf the current request runs.</summary>
public interface ICurrentUser
{
    /// <summary>The signed-in user's id, or <c>null</c> for an anonymous caller.</summary>
    UserId? Id { get; }

    bool IsAdmin { get; }

    /// <summary>
    /// Whether the caller can have paths to assets beyond its own grants, as read with the access token's account check
    /// at the start of this request; <c>null</c> when not read (in-process callers), which means "assume so".
    /// </summary>
    CallerReach? Reach { get; }
}

/// <summary>
/// What the access rule may find for a person besides its own grants: paths through groups (<see cref="InAnyGroup"/>)
/// and through collections granted to the person itself (<see cref="HoldsCollectionGrant"/>). When both are false,
/// the group and collection statements of a read cannot find anything and are not sent. Read fresh on every request
/// (no cache), so a membership or grant counts from the next request on.
/// </summary>
public sealed record CallerReach(bool InAnyGroup, bool HoldsCollectionGrant)
{
    /// <summary>Whether paths through groups or collections may exist.</summary>
    public bool ReachesBeyondOwnGrants => InAnyGroup || HoldsCollectionGrant;
}

public static class CurrentUserExtensions
{
    /// <summary>The signed-in user's id; the endpoints that call this require authentication.</summary>
    public static UserId RequireId(this ICurrentUser user) =>
        user.Id ?? throw new InvalidOperationException("This use case requires an authenticated caller.");
}
