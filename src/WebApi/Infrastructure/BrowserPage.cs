using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaVault.WebApi.Infrastructure;

/// <summary>
/// A minimal HTML answer for links people open from a mail in a browser. It loads nothing and sends no referrer, so
/// the token in the address goes nowhere.
/// </summary>
internal static class BrowserPage
{
    /// <summary>A browser asks for HTML; API clients (and <c>*/*</c>) get JSON.</summary>
    public static bool IsWanted(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    public static ContentHttpResult Render(HttpResponse response, int statusCode, string title, string message)
    {
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "no-store";
        var html = $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{WebUtility.HtmlEncode(title)} · MediaVault</title>
            <style>body{"{"}font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem{"}"}</style></head>
            <body><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(message)}</p></body></html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: statusCode);
    }
}
