using MediaVault.Domain.Common;
using MediaVault.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.WebApi.Infrastructure;

/// <summary>
/// The last line: turns exceptions into problem details without exception text. A broken business rule (a race) is a
/// 409, a database or object store that does not answer a 503, malformed input a 400, anything else a logged 500.
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, type, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "The request is not valid.", ProblemTypes.BadRequest, BadRequestDetail(bad)),
            BusinessRuleViolationException rule => (StatusCodes.Status409Conflict, "Conflict", ProblemTypes.Conflict, $"{rule.RuleName}: {rule.Message}"),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "Conflict", ProblemTypes.Conflict, "The resource was changed by another request; try again."),
            _ when TransientFaults.IsConstraintViolation(exception) => (StatusCodes.Status409Conflict, "Conflict", ProblemTypes.Conflict, "The request conflicts with a concurrent change; try again."),
            _ when TransientFaults.IsInvalidInput(exception) => (StatusCodes.Status400BadRequest, "The request is not valid.", ProblemTypes.BadRequest, "The request holds a value the server cannot store."),
            _ when TransientFaults.IsUnavailable(exception) => (StatusCodes.Status503ServiceUnavailable, "Service unavailable", ProblemTypes.Unavailable, "A backing service did not answer; try again shortly."),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => (499, "Client closed request", ProblemTypes.BadRequest, "The client closed the request."),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred.", ProblemTypes.Internal, "The server failed to answer; the fault is logged."),
        };

        if (status >= 500)
        {
            LogFault(exception, status, httpContext.Request.Method, PublicLinkLogRedaction.Redact(httpContext.Request.Path));
        }

        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "5";
        }

        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Type = type, Detail = detail },
        });
    }

    private static string BadRequestDetail(BadHttpRequestException exception) => exception.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        StatusCodes.Status415UnsupportedMediaType => "The request body must be application/json.",
        _ when exception.InnerException is System.Text.Json.JsonException => "The request body is not valid JSON for this operation.",
        _ => "The request could not be read.",
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {Method} {Path} failed with {Status}")]
    private partial void LogFault(Exception exception, int status, string method, string path);
}
