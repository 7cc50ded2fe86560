using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace MediaVault.WebApi.Infrastructure;

/// <summary>
/// What a request must be before any endpoint sees it (ADR-050): headers are read byte for byte (Latin-1) so that a
/// garbage <c>Authorization</c> header reaches authentication and gets its 401 problem instead of Kestrel's bare 400;
/// a path with a control character is a 400 problem; a JSON endpoint's body is <c>application/json</c> (else 415), at
/// most <see cref="MaxJsonBodyBytes"/> (else 413) and valid UTF-8 (else 400, RFC 8259 §8.1), all checked once here on
/// the raw bytes, before System.Text.Json, which replaces or skips invalid bytes in some paths.
/// </summary>
public static class RequestHardening
{
    /// <summary>The largest JSON request body: 1 MiB (the largest real one, a multipart completion, is far smaller).</summary>
    public const int MaxJsonBodyBytes = 1024 * 1024;

    public static IServiceCollection AddRequestHardening(this IServiceCollection services)
    {
        // Kestrel refuses a non-ASCII header value with a bare 400 before the pipeline. Read as Latin-1, every byte is a
        // character: the header reaches the application, which refuses it with a problem body.
        // What Kestrel still refuses before the pipeline (a path that decodes to NUL, a malformed request line) gets a
        // problem body from a connection middleware.
        services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.RequestHeaderEncodingSelector = _ => Encoding.Latin1;
            kestrel.ConfigureEndpointDefaults(listen => listen.Use(KestrelRejections.Shape));
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProblemDetailsWriter, ProblemJsonFallbackWriter>());
        return services;
    }

    /// <summary>Early in the pipeline: a request path with a control character (<c>%00</c>) answers a 400 problem.</summary>
    public static IApplicationBuilder UseRequestPathCheck(this IApplicationBuilder app) =>
        app.Use(next => context => HasControlCharacter(context.Request.Path.Value) || HasControlCharacter(context.Request.PathBase.Value)
            ? WriteProblemAsync(context, StatusCodes.Status400BadRequest, "The request path is not valid.", "The path contains a control character.")
            : next(context));

    /// <summary>After authorization: the body of every endpoint that reads JSON is checked before it is deserialised.</summary>
    public static IApplicationBuilder UseJsonBodyCheck(this IApplicationBuilder app) =>
        app.Use(next => context => CheckJsonBodyAsync(context, next));

    private static async Task CheckJsonBodyAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (!ReadsJson(context.GetEndpoint()) || !MayHaveBody(context))
        {
            await next(context);
            return;
        }

        if (request.ContentLength > MaxJsonBodyBytes)
        {
            await WriteTooLargeAsync(context);
            return;
        }

        var body = await ReadAtMostAsync(request.Body, MaxJsonBodyBytes + 1, context.RequestAborted);
        if (body.Length > MaxJsonBodyBytes)
        {
            await WriteTooLargeAsync(context);
            return;
        }

        if (body.Length > 0 && !IsUtf8Json(request.ContentType))
        {
            await WriteProblemAsync(
                context,
                StatusCodes.Status415UnsupportedMediaType,
                "Unsupported media type",
                "The request body must be application/json in UTF-8.");
            return;
        }

        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            await WriteProblemAsync(context, StatusCodes.Status400BadRequest, "The request is not valid.", "The request body is not valid UTF-8, so it is not JSON.");
            return;
        }

        request.Body = new MemoryStream(body, writable: false);
        request.ContentLength = body.Length;
        await next(context);
    }

    private static bool ReadsJson(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<IAcceptsMetadata>() is { } accepts
        && accepts.ContentTypes.Any(type => type.Contains("json", StringComparison.OrdinalIgnoreCase));

    private static bool MayHaveBody(HttpContext context) =>
        context.Request.ContentLength > 0
        || (context.Request.ContentLength is null && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != false);

    // application/json or any +json type, with no charset or UTF-8 (RFC 8259 §8.1: JSON between systems is UTF-8).
    private static bool IsUtf8Json(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed))
        {
            return false;
        }

        var type = parsed.MediaType.Value ?? string.Empty;
        var json = type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
        var charset = parsed.Charset.Value;
        return json && (string.IsNullOrEmpty(charset) || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<byte[]> ReadAtMostAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while (buffer.Length < limit && (read = await body.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static bool HasControlCharacter(string? value) => value is not null && value.Any(char.IsControl);

    private static Task WriteTooLargeAsync(HttpContext context) =>
        WriteProblemAsync(
            context,
            StatusCodes.Status413PayloadTooLarge,
            "Payload too large",
            $"A JSON request body is at most {MaxJsonBodyBytes} bytes.");

    private static async Task WriteProblemAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status413PayloadTooLarge)
        {
            // The rest of the body is not read: the connection cannot carry another request.
            context.Response.Headers.Connection = "close";
        }

        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Type = ProblemTypes.BadRequest, Detail = detail },
        });
    }

    /// <summary>
    /// Problems are JSON whatever the <c>Accept</c> header says: the default writer declines a client that asks only for
    /// text/html, and the answer would then be plain text. Registered after it, this one takes the rest.
    /// </summary>
    private sealed class ProblemJsonFallbackWriter(IOptions<JsonOptions> json, IOptions<ProblemDetailsOptions> options) : IProblemDetailsWriter
    {
        public bool CanWrite(ProblemDetailsContext context) => true;

        public ValueTask WriteAsync(ProblemDetailsContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            options.Value.CustomizeProblemDetails?.Invoke(context);
            var problem = context.ProblemDetails;
            return new ValueTask(context.HttpContext.Response.WriteAsJsonAsync(
                problem, problem.GetType(), json.Value.SerializerOptions, "application/problem+json", context.HttpContext.RequestAborted));
        }
    }
}
