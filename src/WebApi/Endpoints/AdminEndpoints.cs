using Ardalis.Result;
using MediaVault.Application.Administration.ListUsers;
using MediaVault.Application.Administration.SetUserDisabled;
using MediaVault.WebApi.Contracts;
using MediaVault.WebApi.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaVault.WebApi.Endpoints;

/// <summary><c>/api/v1/admin/users</c>: administrators manage accounts, never content.</summary>
public static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdminEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin/users").WithTags("Administration").RequireAuthorization();

        group.MapGet("/", ListUsers)
            .WithName("Admin_ListUsers")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("List accounts")
            .WithDescription(
                "Administrators only (403 otherwise). Newest first (createdAt desc, id desc), keyset-paginated; q matches e-mail "
                + "and display name case-insensitively. Shows how much each account stores, never what.");

        group.MapPost("/{id:guid}/disable", Disable)
            .WithName("Admin_DisableUser")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Disable an account")
            .WithDescription(
                "Administrators only. The account cannot sign in and its tokens stop working. 404 for an unknown id; 409 for "
                + "your own account. Disabling a disabled account changes nothing.");

        group.MapPost("/{id:guid}/enable", Enable)
            .WithName("Admin_EnableUser")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Enable an account again")
            .WithDescription("Administrators only. 404 for an unknown id. Enabling an enabled account changes nothing.");

        return api;
    }

    public static async Task<Results<Ok<PageResponse<AdminUserResponse>>, ValidationProblem, ProblemHttpResult>> ListUsers(
        int? limit, string? cursor, string? q, ListUsersHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new ListUsersQuery(limit, cursor, q), cancellationToken);
        return result.Status switch
        {
            ResultStatus.Ok => TypedResults.Ok(result.Value.ToResponse()),
            ResultStatus.Invalid => result.ToValidationProblem(),
            _ => result.ToProblem(),
        };
    }

    public static Task<Results<NoContent, ProblemHttpResult>> Disable(Guid id, SetUserDisabledHandler handler, CancellationToken cancellationToken) =>
        SetDisabledAsync(id, true, handler, cancellationToken);

    public static Task<Results<NoContent, ProblemHttpResult>> Enable(Guid id, SetUserDisabledHandler handler, CancellationToken cancellationToken) =>
        SetDisabledAsync(id, false, handler, cancellationToken);

    private static async Task<Results<NoContent, ProblemHttpResult>> SetDisabledAsync(
        Guid id, bool disabled, SetUserDisabledHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new SetUserDisabledCommand(id, disabled), cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : result.ToProblem();
    }
}
