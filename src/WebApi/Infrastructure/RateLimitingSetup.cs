using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using MediaVault.Infrastructure.Configuration;

namespace MediaVault.WebApi.Infrastructure;

/// <summary>
/// Per-client-address limits, counted in this instance's memory in fixed one-minute windows (see docs/adr/012):
/// the "auth" policy (<c>RateLimiting__AuthPermitsPerMinute</c>, default 20) on the sign-in endpoints and the
/// "public-links" policy (<c>RateLimiting__PublicLinkPermitsPerMinute</c>, default 60) on the anonymous public-link
/// endpoints; each counts its own calls. An IPv6 client counts by its /64 network, since one host commonly holds a
/// whole /64. Rejected calls get a 429 problem with <c>Retry-After</c>.
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

        return services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(AuthPolicy, context => PerClientPerMinute(context, AuthPolicy, options.AuthPermitsPerMinute));
            limiter.AddPolicy(PublicLinksPolicy, context => PerClientPerMinute(context, PublicLinksPolicy, options.PublicLinkPermitsPerMinute));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : 60;
                var http = context.HttpContext;
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
            };
        });
    }

    private static RateLimitPartition<string> PerClientPerMinute(HttpContext context, string policy, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(
            $"{policy}:{ClientKey(context.Connection.RemoteIpAddress)}",
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });

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
}
