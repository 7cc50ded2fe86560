using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace MediaVault.WebApi.Infrastructure;

/// <summary>
/// Per-client-address limits in fixed one-minute windows, counted in the database so that every instance spends the
/// same budget (ADR-058, after ADR-012 and ADR-033): the "auth" policy (<c>RateLimiting__AuthPermitsPerMinute</c>,
/// default 20) on the sign-in endpoints and the "public-links" policy (<c>RateLimiting__PublicLinkPermitsPerMinute</c>,
/// default 60) on the anonymous public-link endpoints; each counts its own calls. Endpoints name their policy with
/// ASP.NET Core's <c>RequireRateLimiting</c>; <see cref="UseSharedRateLimits"/> enforces it. An IPv6 client counts by
/// its /64 network, since one host commonly holds a whole /64. Rejected calls get a 429 problem with <c>Retry-After</c>.
/// </summary>
internal static class RateLimitingSetup
{
    public const string AuthPolicy = "auth";
    public const string PublicLinksPolicy = "public-links";

    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitingOptions.Section).Get<RateLimitingOptions>() ?? new RateLimitingOptions();
        if (options.AuthPermitsPerMinute < 1 || options.PublicLinkPermitsPerMinute < 1)
        {
            throw new InvalidOperationException(
                "RateLimiting__AuthPermitsPerMinute and RateLimiting__PublicLinkPermitsPerMinute must be at least 1.");
        }

        return services.AddSingleton(new RateLimitPolicies(new Dictionary<string, int>(StringComparer.Ordinal)
        {
            [AuthPolicy] = options.AuthPermitsPerMinute,
            [PublicLinksPolicy] = options.PublicLinkPermitsPerMinute,
        }));
    }

    /// <summary>Counts each call of an endpoint that names a policy, and answers 429 once the client's window is spent.</summary>
    public static IApplicationBuilder UseSharedRateLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var endpoint = context.GetEndpoint();
        var policy = endpoint?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
        if (policy is null || endpoint!.Metadata.GetMetadata<DisableRateLimitingAttribute>() is not null)
        {
            await next(context);
            return;
        }

        var permits = context.RequestServices.GetRequiredService<RateLimitPolicies>().PermitsPerMinute(policy);
        var limiter = context.RequestServices.GetRequiredService<SharedRateLimiter>();
        var decision = await limiter.TryAcquireAsync(
            $"{policy}:{ClientKey(context.Connection.RemoteIpAddress)}", permits, context.RequestAborted);
        if (decision.Permitted)
        {
            await next(context);
            return;
        }

        await RejectAsync(context, decision.RetryAfter);
    });

    private static async Task RejectAsync(HttpContext http, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Type = ProblemTypes.TooManyRequests,
                Detail = $"Too many calls from your address; try again in {seconds} seconds.",
            },
        });
    }

    /// <summary>The partition of a client: its IPv4 address, or the /64 network of its IPv6 address.</summary>
    internal static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>The permits per minute of each policy, read once from configuration.</summary>
    private sealed class RateLimitPolicies(IReadOnlyDictionary<string, int> permitsPerMinute)
    {
        public int PermitsPerMinute(string policy) => permitsPerMinute.TryGetValue(policy, out var permits)
            ? permits
            : throw new InvalidOperationException($"No rate-limit policy is named '{policy}'.");
    }
}
