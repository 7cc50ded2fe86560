using System.Security.Claims;
using MediaVault.Application.Abstractions;
using MediaVault.Domain.Users;
using MediaVault.Infrastructure.Identity;

namespace MediaVault.WebApi.Infrastructure;

/// <summary>The caller as the validated access token names it (<c>sub</c> claim, <c>admin</c> role).</summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public const string AdminRole = "admin";

    public UserId? Id
    {
        get
        {
            var principal = accessor.HttpContext?.User;
            var subject = principal?.FindFirstValue(ClaimTypes.NameIdentifier) ?? principal?.FindFirstValue("sub");
            return principal?.Identity?.IsAuthenticated == true && Guid.TryParse(subject, out var id) ? new UserId(id) : null;
        }
    }

    public bool IsAdmin => accessor.HttpContext?.User.IsInRole(AdminRole) == true;

    /// <summary>
    /// Read with the token's account check: up front, or with the request's first statement when the check rides with
    /// it (<see cref="DeferredAccountCheck"/>; until that statement has run, unknown).
    /// </summary>
    public CallerReach? Reach =>
        accessor.HttpContext is { } context ? context.Items[ReachKey] as CallerReach ?? context.Features.Get<DeferredAccountCheck>()?.Reach : null;

    private static readonly object ReachKey = new();

    /// <summary>Keeps the reach read with the token's account check for the rest of the request.</summary>
    public static void RememberReach(HttpContext context, CallerReach reach)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[ReachKey] = reach;
    }
}
