using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace MediaVault.WebApi.Infrastructure;

/// <summary>
/// Behind a reverse proxy every request arrives from the proxy's address, so every client would share one rate-limit
/// bucket. <c>ForwardedHeaders__KnownProxies</c> (comma-separated IP addresses) and <c>ForwardedHeaders__KnownNetworks</c>
/// (comma-separated CIDR networks) name the proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are
/// believed; ASP.NET Core's defaults (loopback only) are cleared when either is set. Without either, the headers are
/// ignored and the peer address counts (ADR-055).
/// </summary>
internal static class ForwardedHeadersSetup
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddTrustedForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Split(configuration[$"{Section}:KnownProxies"]).Select(value => IPAddress.TryParse(value, out var address)
            ? address
            : throw new InvalidOperationException($"{Section}__KnownProxies: '{value}' is not an IP address.")).ToList();
        var networks = Split(configuration[$"{Section}:KnownNetworks"]).Select(value => System.Net.IPNetwork.TryParse(value, out var network)
            ? network
            : throw new InvalidOperationException($"{Section}__KnownNetworks: '{value}' is not a CIDR network such as 10.0.0.0/8.")).ToList();
        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (proxies.Count == 0 && networks.Count == 0)
            {
                // Trust nobody: not even a proxy on loopback may speak for a client.
                options.ForwardedHeaders = ForwardedHeaders.None;
                return;
            }

            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
    }

    private static string[] Split(string? value) =>
        (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
