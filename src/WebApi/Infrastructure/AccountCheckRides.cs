using Microsoft.AspNetCore.Http.HttpResults;
using MediaVault.Infrastructure.Identity;

namespace MediaVault.WebApi.Infrastructure;

/// <summary>
/// The hot endpoints whose access-token account check rides with their first statement (ADR-084) instead of running
/// before them in a round trip of its own. An endpoint opts in with <see cref="RidesAccountCheck"/>, which also puts
/// <see cref="Gate"/> in front of it: whatever the endpoint answers is sent only once the database has said the token
/// is current (a refused token gets the same <c>401</c> as one refused up front, and none of what was read). The
/// endpoints that opt in read before they write, and do nothing outside the database before their first statement.
/// Only on PostgreSQL; on SQLite the check runs up front, as for every other endpoint.
/// </summary>
internal static class AccountCheckRides
{
    /// <summary>Opts the endpoint in.</summary>
    public static RouteHandlerBuilder RidesAccountCheck(this RouteHandlerBuilder endpoint) =>
        endpoint.WithMetadata(Marker.Instance).AddEndpointFilter(Gate);

    /// <summary>
    /// Called with the validated token: leaves the account check to the endpoint's first statement when the endpoint
    /// opted in and the database can carry it; <c>false</c> when it must run now.
    /// </summary>
    public static bool With(HttpContext context, AccessTokenSubjectCheck check, string? subject, string? stamp)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<Marker>() is null || !check.CanRideWithFirstStatement
            || DeferredAccountCheck.For(subject, stamp) is not { } deferred)
        {
            return false;
        }

        context.Features.Set(deferred);
        return true;
    }

    private static async ValueTask<object?> Gate(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        if (context.Features.Get<DeferredAccountCheck>() is not { } deferred)
        {
            return await next(invocation);
        }

        object? answer;
        try
        {
            answer = await next(invocation);
        }
        catch (Exception)
        {
            if (!await IsCurrentAsync(context, deferred))
            {
                return Refused(context);
            }

            throw;
        }

        return await IsCurrentAsync(context, deferred) ? answer : Refused(context);
    }

    private static Task<bool> IsCurrentAsync(HttpContext context, DeferredAccountCheck deferred) =>
        context.RequestServices.GetRequiredService<AccessTokenSubjectCheck>().SettleAsync(deferred, context.RequestAborted);

    private static ProblemHttpResult Refused(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return TypedResults.Problem(AuthenticationSetup.Unauthorized());
    }

    private sealed class Marker
    {
        public static readonly Marker Instance = new();
    }
}
