using MediaVault.Application.Identity.GetMe;
using MediaVault.WebApi.Contracts;
using MediaVault.WebApi.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaVault.WebApi.Endpoints;

/// <summary><c>/api/v1/me</c>: the signed-in account.</summary>
public static class MeEndpoints
{
    public static RouteGroupBuilder MapMeEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/me", Get)
            .WithTags("Me")
            .RequireAuthorization()
            .WithName("Me_Get")
            .RidesAccountCheck()
            .WithSummary("Your account")
            .WithDescription("Who you are (id, e-mail, display name, roles), whether your address is verified, and your storage use against your quota.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return api;
    }

    public static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> Get(GetMeHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value.ToResponse()) : result.ToProblem();
    }
}
