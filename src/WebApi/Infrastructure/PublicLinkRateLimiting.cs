using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace MediaVault.WebApi.Infrastructure;

/// <summary>
/// The "public-links" rate-limit policy: anonymous public-link calls per client address and minute
/// (<c>RateLimiting__PublicLinkPermitsPerMinute</c>, default 60), fixed one-minute windows, no queue. Past the limit:
/// 429 with Retry-After and a problem body. Kept apart from the "auth" policy: each counts its own calls.
/// </summary>
internal static class PublicLinkRateLimiting
{
    public const string Policy = "public-links";
    public const string PermitsKey = "RateLimiting:PublicLinkPermitsPerMinute";
    public const int DefaultPermitsPerMinute = 60;
    private const string TooManyRequests = ProblemTypes.Base + "too-many-requests";

    public static IServiceCollection AddPublicLinkRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue(PermitsKey, DefaultPermitsPerMinute);
        if (permits < 1)
        {
            throw new InvalidOperationException("RateLimiting__PublicLinkPermitsPerMinute must be at least 1.");
        }

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            options.OnRejected = WriteRejectionAsync;
        });
        return services;
    }

    /// <summary>429 with Retry-After (seconds until the window reopens) and a problem body.</summary>
    public static async ValueTask WriteRejectionAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Type = TooManyRequests,
                Detail = "Too many requests from this address; try again after the time in Retry-After.",
            },
        });
    }
}
