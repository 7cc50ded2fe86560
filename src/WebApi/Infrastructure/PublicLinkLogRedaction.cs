using Microsoft.AspNetCore.HttpLogging;

namespace MediaVault.WebApi.Infrastructure;

/// <summary>
/// A public link's token travels in the request path (<c>/api/v1/public/links/{token}</c>) and is a bearer secret: request
/// logs show the route with the token replaced, never the token; so is a drop's upload id (<c>/uploads/{uploadId}/complete</c>).
/// </summary>
internal sealed class PublicLinkLogRedaction : IHttpLoggingInterceptor
{
    private const string Prefix = "/api/v1/public/links/";
    private const string Placeholder = "{token}";
    private const string UploadsSegment = "/uploads/";
    private const string UploadIdPlaceholder = "{uploadId}";

    public ValueTask OnRequestAsync(HttpLoggingInterceptorContext logContext)
    {
        ArgumentNullException.ThrowIfNull(logContext);
        var path = logContext.HttpContext.Request.Path;
        if (logContext.IsAnyEnabled(HttpLoggingFields.RequestPath) && IsPublicLink(path))
        {
            logContext.LoggingFields &= ~HttpLoggingFields.RequestPath;
            logContext.AddParameter(nameof(HttpContext.Request.Path), Redact(path));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask OnResponseAsync(HttpLoggingInterceptorContext logContext) => ValueTask.CompletedTask;

    /// <summary>The path as it may be logged: a public link's token replaced by <c>{token}</c>.</summary>
    public static string Redact(PathString path)
    {
        if (!IsPublicLink(path))
        {
            return path.ToString();
        }

        var rest = path.Value![Prefix.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return Prefix + Placeholder + (slash < 0 ? string.Empty : RedactUploadId(rest[slash..]));
    }

    // A drop's upload id is a secret too: /uploads/{uploadId}/complete.
    private static string RedactUploadId(string tail)
    {
        if (!tail.StartsWith(UploadsSegment, StringComparison.OrdinalIgnoreCase) || tail.Length == UploadsSegment.Length)
        {
            return tail;
        }

        var rest = tail[UploadsSegment.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return UploadsSegment + UploadIdPlaceholder + (slash < 0 ? string.Empty : rest[slash..]);
    }

    private static bool IsPublicLink(PathString path) =>
        path.Value?.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) == true;
}
