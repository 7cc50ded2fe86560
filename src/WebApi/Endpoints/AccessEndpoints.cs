using Ardalis.Result;
using MediaVault.Application.Access.CheckAccess;
using MediaVault.Application.Access.ExplainAccess;
using MediaVault.WebApi.Contracts;
using MediaVault.WebApi.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaVault.WebApi.Endpoints;

/// <summary><c>/api/v1/assets/{id}/access</c> and <c>/api/v1/assets/access</c>: why a person may do what, and many checks at once.</summary>
public static class AccessEndpoints
{
    public static RouteGroupBuilder MapAccessEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/assets").WithTags("Assets").RequireAuthorization();

        group.MapGet("/{id:guid}/access", Explain)
            .WithName("Assets_ExplainAccess")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Explain a person's access to the asset")
            .WithDescription(
                "Your role and capabilities on the asset and every active path they come from (owner, grant, group-grant, "
                + "collection-grant), strongest first. Anyone who sees the asset asks about itself; the owner and managers also "
                + "about anybody (userId): a person without access gets role null and paths []. Asking about someone else "
                + "without being owner or manager: 403. A userId that is not a UUID: 400. 404 when the asset does not exist "
                + "or you may not see it.");

        group.MapPost("/access", Check)
            .WithName("Assets_CheckAccess")
            .WithSummary("Check your access to many assets")
            .WithDescription(
                "Your capabilities on each of 1 to 100 assets, in the order asked (a repeated id is answered each time). An "
                + "asset you may not see and one that does not exist get the same answer: role null and every capability false.");

        return api;
    }

    public static async Task<Results<Ok<AccessExplanationResponse>, ValidationProblem, ProblemHttpResult>> Explain(
        Guid id, string? userId, ExplainAccessHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new ExplainAccessQuery(id, userId), cancellationToken);
        return result.Status switch
        {
            ResultStatus.Ok => TypedResults.Ok(result.Value.ToResponse()),
            ResultStatus.Invalid => result.ToValidationProblem(),
            _ => result.ToProblem(),
        };
    }

    public static async Task<Results<Ok<ItemsResponse<AssetAccessResponse>>, ValidationProblem>> Check(
        CheckAccessRequest request, CheckAccessHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await handler.HandleAsync(new CheckAccessQuery(request.AssetIds), cancellationToken);
        return result.IsSuccess
            ? TypedResults.Ok(new ItemsResponse<AssetAccessResponse>([.. result.Value.Select(i => i.ToResponse())]))
            : result.ToValidationProblem();
    }
}
