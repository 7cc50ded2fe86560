using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Namotion.Reflection;
using NJsonSchema;
using NSwag;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace MediaVault.WebApi.Infrastructure;

/// <summary>
/// Declares the problem responses that cross-cutting middleware can answer on an operation, so that endpoints need not
/// repeat them: 401 on every authenticated operation, 413 and 415 where a request body is read, 429 where a rate
/// limiter applies. Anonymous operations say <c>security: []</c>.
/// </summary>
internal sealed class ProblemResponsesOperationProcessor : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        if (context is not AspNetCoreOperationProcessorContext aspNetCore)
        {
            return true;
        }

        var metadata = aspNetCore.ApiDescription.ActionDescriptor.EndpointMetadata;
        var operation = context.OperationDescription.Operation;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any();
        if (anonymous)
        {
            operation.Security = new List<OpenApiSecurityRequirement>();
        }
        else
        {
            AddProblem(context, operation, StatusCodes.Status401Unauthorized);
        }

        if (operation.RequestBody is not null)
        {
            AddProblem(context, operation, StatusCodes.Status413PayloadTooLarge);
            AddProblem(context, operation, StatusCodes.Status415UnsupportedMediaType);
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            AddProblem(context, operation, StatusCodes.Status429TooManyRequests);
        }

        return true;
    }

    private static void AddProblem(OperationProcessorContext context, OpenApiOperation operation, int status)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses.ContainsKey(key))
        {
            return;
        }

        var schema = context.SchemaGenerator.GenerateWithReferenceAndNullability<JsonSchema>(
            typeof(ProblemDetails).ToContextualType(), false, context.SchemaResolver);
        var response = new OpenApiResponse { Description = ResponseDescriptions.For(status) };
        response.Content["application/problem+json"] = new OpenApiMediaType { Schema = schema };
        operation.Responses[key] = response;
    }
}

/// <summary>What each status code means for a MediaVault operation, for responses declared without a description.</summary>
internal static class ResponseDescriptions
{
    public static string For(int status) => status switch
    {
        200 => "Success.",
        201 => "Created.",
        202 => "Accepted: the request will be processed; the answer does not reveal whether the account exists.",
        204 => "Success, no content.",
        400 => "Invalid input: a validation problem with errors keyed by camelCase field, or an unreadable body.",
        401 => "Not signed in, or the access token (or public link password) is missing, invalid or expired.",
        403 => "You can see the resource, but your role does not allow this.",
        404 => "Missing, or not visible to you (indistinguishable).",
        409 => "Conflict with the current state (for example an upload not complete, or the storage quota).",
        413 => "The request body is too large.",
        415 => "The request body is not application/json.",
        429 => "Too many requests: wait for the number of seconds in Retry-After.",
        503 => "A dependency (database or object store) did not answer: retry after Retry-After.",
        _ => "See the problem type.",
    };
}
