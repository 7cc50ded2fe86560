using MediaVault.Application.Abstractions;
using MediaVault.Application.Sharing;

namespace MediaVault.WebApi.Infrastructure;

/// <summary>The current request's client address (after the forwarded-headers middleware, when configured), truncated.</summary>
internal sealed class HttpClientAddress(IHttpContextAccessor accessor) : IClientAddress
{
    public string? Truncated => ClientAddress.Truncate(accessor.HttpContext?.Connection.RemoteIpAddress);
}
