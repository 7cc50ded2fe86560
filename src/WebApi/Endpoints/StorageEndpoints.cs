using System.Globalization;
using MediaVault.Infrastructure.Storage;
using MediaVault.WebApi.Infrastructure;
using Microsoft.AspNetCore.Http.Features;

namespace MediaVault.WebApi.Endpoints;

/// <summary>
/// <c>/api/v1/storage/objects/{key}</c>: the embedded store's presigned URLs, served by the API itself when
/// <c>Storage__Provider</c> is <c>FileSystem</c>. Anonymous like S3's: the signature in the query string is the only
/// credential (HMAC-SHA256 over method, key, expiry, size, content type, upload part or response headers). A tampered
/// or expired URL answers 403. Bodies are streamed to disk, never buffered, and never beyond the signed size. Every
/// answer carries <c>X-Content-Type-Options: nosniff</c>, <c>Content-Security-Policy: sandbox; default-src 'none'</c>
/// and <c>Cache-Control: private, no-store</c>; a type a browser could run script in is always an attachment. Left out
/// of the OpenAPI description: clients use the URLs they were handed, never build them.
/// </summary>
public static class StorageEndpoints
{
    public static RouteGroupBuilder MapStorageEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/storage/objects").AllowAnonymous().ExcludeFromDescription();
        group.AddEndpointFilter(async (invocation, next) =>
        {
            // Set before the handler runs, so that every answer carries them: the bytes, a range, a 304, a problem.
            var headers = invocation.HttpContext.Response.Headers;
            headers.XContentTypeOptions = ServedMedia.ContentTypeOptions;
            headers.ContentSecurityPolicy = ServedMedia.ContentSecurityPolicy;
            headers.CacheControl = ServedMedia.CacheControl;
            return await next(invocation);
        });
        group.MapPut("/{**key}", Put);
        group.MapGet("/{**key}", Get);
        return api;
    }

    public static async Task<IResult> Put(string key, HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var storage = context.RequestServices.GetService<FileSystemObjectStorage>();
        if (storage is null)
        {
            return Problems.NotFound();
        }

        var query = context.Request.Query;
        var uploadId = query["uploadId"].FirstOrDefault();
        int? partNumber = int.TryParse(query["partNumber"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        var contentType = uploadId is null ? context.Request.ContentType ?? string.Empty : null;
        if (!TryCommon(query, out var expires, out var signature)
            || !long.TryParse(query["size"], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            || (uploadId is null) != (partNumber is null)
            || !storage.IsAuthorized(new SignedObjectRequest("PUT", key, expires, signature, size, contentType, uploadId, partNumber)))
        {
            return SignatureRefused();
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            // Our own count stops at the first byte too many; the server's limit is only lifted that far.
            limit.MaxRequestBodySize = size + 1;
        }

        ReceiveOutcome outcome;
        if (uploadId is null)
        {
            outcome = await storage.ReceiveObjectAsync(key, contentType!, size, context.Request.Body, cancellationToken);
        }
        else
        {
            (outcome, var etag) = await storage.ReceivePartAsync(key, uploadId, partNumber!.Value, size, context.Request.Body, cancellationToken);
            if (etag is not null)
            {
                context.Response.Headers.ETag = etag;
            }
        }

        return outcome switch
        {
            ReceiveOutcome.Stored => TypedResults.Ok(),
            ReceiveOutcome.TooLarge => TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large", detail: "The body is larger than the size this URL allows.", type: ProblemTypes.BadRequest),
            ReceiveOutcome.TooSmall => TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest, title: "Incomplete body", detail: "The body is smaller than the size this URL expects.", type: ProblemTypes.BadRequest),
            _ => Problems.NotFound(),
        };
    }

    public static IResult Get(string key, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var storage = context.RequestServices.GetService<FileSystemObjectStorage>();
        if (storage is null)
        {
            return Problems.NotFound();
        }

        var query = context.Request.Query;
        var disposition = query["response-content-disposition"].FirstOrDefault();
        var contentType = query["response-content-type"].FirstOrDefault();
        if (!TryCommon(query, out var expires, out var signature)
            || disposition is null
            || contentType is null
            || !storage.IsAuthorized(new SignedObjectRequest("GET", key, expires, signature, Disposition: disposition, ResponseContentType: contentType)))
        {
            return SignatureRefused();
        }

        var path = storage.ExistingPathFor(key);
        if (path is null)
        {
            return Problems.NotFound();
        }

        // The signed value already says attachment for such types; this holds even for a URL signed before that rule.
        context.Response.Headers.ContentDisposition = ContentDispositions.MayRenderInline(contentType) ? disposition : ContentDispositions.AsAttachment(disposition);
        return TypedResults.PhysicalFile(path, contentType, enableRangeProcessing: true);
    }

    private static bool TryCommon(IQueryCollection query, out long expires, out string signature)
    {
        signature = query["sig"].FirstOrDefault() ?? string.Empty;
        return long.TryParse(query["expires"], NumberStyles.None, CultureInfo.InvariantCulture, out expires) && signature.Length > 0;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult SignatureRefused() => Problems.Forbidden("The URL's signature does not match the request, or the URL has expired.");
}
