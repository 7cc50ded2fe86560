using MediaVault.Application.Abstractions;
using MediaVault.Infrastructure.Configuration;
using Microsoft.Extensions.Options;

namespace MediaVault.Infrastructure.Sharing;

/// <summary>
/// A public link's URL is the API's anonymous link endpoint under <c>App__PublicBaseUrl</c>:
/// <c>{App__PublicBaseUrl}/api/v1/public/links/{token}</c> (GET shows the asset's name, POST .../download downloads).
/// A base URL with a path (a reverse proxy's prefix) keeps it.
/// </summary>
internal sealed class ShareLinkUrls(IOptions<AppOptions> options) : IShareLinkUrls
{
    public const string PathPrefix = "api/v1/public/links/";

    public Uri ForToken(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        var root = options.Value.PublicBaseUrl.AbsoluteUri.TrimEnd('/');
        return new Uri($"{root}/{PathPrefix}{Uri.EscapeDataString(token)}", UriKind.Absolute);
    }
}
