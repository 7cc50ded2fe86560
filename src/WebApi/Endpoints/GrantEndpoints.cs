using Ardalis.Result;
using MediaVault.Application.Sharing.ChangeGrant;
using MediaVault.Application.Sharing.CreateGrant;
using MediaVault.Application.Sharing.ListGrants;
using MediaVault.Application.Sharing.RevokeGrant;
using MediaVault.WebApi.Contracts;
using MediaVault.WebApi.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaVault.WebApi.Endpoints;

/// <summary><c>/api/v1/assets/{id}/grants</c>: who else may do what to an asset.</summary>
public static class GrantEndpoints
{
    private const string Visibility =
        " 404 when the asset does not exist or you may not see it (also when your grant expired or was revoked); "
        + "403 when you may see it but your role does not allow this.";

    public static RouteGroupBuilder MapGrantEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/assets/{id:guid}/grants").WithTags("Sharing").RequireAuthorization();

        group.MapPost("/", Create)
            .WithName("Grants_Create")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Share the asset with a person or a group")
            .WithDescription(
                "Owner or manager. Exactly one of granteeEmail and groupId (both or neither: 400 on granteeEmail). A person is "
                + "named by the e-mail of a verified, enabled account; any other address, and the owner's own, is a 400 on "
                + "granteeEmail. A group must be one you are a member of; any other id is a 400 on groupId. 409 when that "
                + "person or group already holds a grant (change it instead). allowDownload (default true) false gives "
                + "view-only access: the asset and its renditions, not the original. expiresAt must lie in the future; from "
                + "that instant the grant gives nothing." + Visibility);

        group.MapGet("/", List)
            .WithName("Grants_List")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("List the asset's grants")
            .WithDescription(
                "Owner or manager. Every grant not revoked, newest first, expired ones included with active: false (they give "
                + "nothing but can be renewed with PATCH)." + Visibility);

        group.MapPatch("/{grantId:guid}", Update)
            .WithName("Grants_Update")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Change a grant's role, download permission or expiry")
            .WithDescription(
                "Owner or manager; nobody changes its own grant (403). A field left out stays; \"expiresAt\": null removes the "
                + "expiry. 404 for a grant of another asset or one already revoked." + Visibility);

        group.MapDelete("/{grantId:guid}", Delete)
            .WithName("Grants_Delete")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Revoke a grant, or leave")
            .WithDescription(
                "Owner or manager revoke any grant; a grantee may revoke its own (leave). Takes effect with the next request. "
                + "404 for a grant of another asset or one already revoked." + Visibility);

        return api;
    }

    public static async Task<Results<Created<GrantResponse>, ValidationProblem, ProblemHttpResult>> Create(
        Guid id, CreateGrantRequest request, CreateGrantHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await handler.HandleAsync(new CreateGrantCommand(id, request.GranteeEmail, request.Role, request.ExpiresAt, request.GroupId, request.AllowDownload), cancellationToken);
        return result.Status switch
        {
            ResultStatus.Ok => TypedResults.Created((string?)null, result.Value.ToResponse()),
            ResultStatus.Invalid => result.ToValidationProblem(),
            _ => result.ToProblem(),
        };
    }

    public static async Task<Results<Ok<ItemsResponse<GrantResponse>>, ProblemHttpResult>> List(
        Guid id, ListGrantsHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new ListGrantsQuery(id), cancellationToken);
        return result.IsSuccess
            ? TypedResults.Ok(new ItemsResponse<GrantResponse>([.. result.Value.Select(g => g.ToResponse())]))
            : result.ToProblem();
    }

    public static async Task<Results<Ok<GrantResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, Guid grantId, ChangeGrantRequest request, ChangeGrantHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await handler.HandleAsync(
            new ChangeGrantCommand(id, grantId, request.Role, request.ExpiresAt, request.ExpiresAtGiven, request.AllowDownload), cancellationToken);
        return result.Status switch
        {
            ResultStatus.Ok => TypedResults.Ok(result.Value.ToResponse()),
            ResultStatus.Invalid => result.ToValidationProblem(),
            _ => result.ToProblem(),
        };
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid id, Guid grantId, RevokeGrantHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new RevokeGrantCommand(id, grantId), cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : result.ToProblem();
    }
}
