using System.Globalization;
using MediaVault.Application.Sharing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaVault.WebApi.Infrastructure;

/// <summary>The answers every anonymous link call shares.</summary>
internal static class LinkProblems
{
    /// <summary>
    /// 429 with <c>Retry-After</c> when the link refuses password attempts for a while, else <c>null</c> (the call's own
    /// outcome stands).
    /// </summary>
    public static ProblemHttpResult? PasswordAttemptsRefused<T>(LinkResult<T> result, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        if (result.RetryAfter is not { } wait)
        {
            return null;
        }

        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many wrong passwords",
            type: ProblemTypes.TooManyRequests,
            detail: $"This link took too many wrong passwords; try again in {seconds} seconds.");
    }
}
