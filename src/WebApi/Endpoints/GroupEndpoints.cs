using Ardalis.Result;
using MediaVault.Application.Groups.AddGroupMember;
using MediaVault.Application.Groups.ChangeGroupMemberRole;
using MediaVault.Application.Groups.CreateGroup;
using MediaVault.Application.Groups.DeleteGroup;
using MediaVault.Application.Groups.GetGroup;
using MediaVault.Application.Groups.ListGroupMembers;
using MediaVault.Application.Groups.ListGroups;
using MediaVault.Application.Groups.RemoveGroupMember;
using MediaVault.Application.Groups.UpdateGroup;
using MediaVault.WebApi.Contracts;
using MediaVault.WebApi.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaVault.WebApi.Endpoints;

/// <summary><c>/api/v1/groups</c>: people given access together, and their members.</summary>
public static class GroupEndpoints
{
    private const string Visibility =
        " 404 when the group does not exist or you are not a member of it; 403 when you are a member but your role does not allow this.";

    public static RouteGroupBuilder MapGroupEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/groups").WithTags("Groups").RequireAuthorization();

        group.MapPost("/", Create)
            .WithName("Groups_Create")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("Create a group")
            .WithDescription(
                "You become its owner and first member (role owner), so a new group has memberCount 1. name is 1–100 characters "
                + "on one line; description is optional, up to 4,000 characters.");

        group.MapGet("/", List)
            .WithName("Groups_List")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("List your groups")
            .WithDescription("The groups you own or belong to, newest first (createdAt desc, id desc), keyset-paginated.");

        group.MapGet("/{id:guid}", Get)
            .WithName("Groups_Get")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Read a group")
            .WithDescription("Any member." + Visibility);

        group.MapPatch("/{id:guid}", Update)
            .WithName("Groups_Update")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Rename or describe a group")
            .WithDescription("Owner or admin. A field left out stays as it is; an empty description removes it." + Visibility);

        group.MapDelete("/{id:guid}", Delete)
            .WithName("Groups_Delete")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Delete a group")
            .WithDescription("Owner only; admins and members get 403. Every membership ends with it." + Visibility);

        group.MapGet("/{id:guid}/members", ListMembers)
            .WithName("Groups_ListMembers")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("List a group's members")
            .WithDescription("Any member. Latest added first (addedAt desc, userId desc), keyset-paginated; the owner is listed too." + Visibility);

        group.MapPost("/{id:guid}/members", AddMember)
            .WithName("Groups_AddMember")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Add a member")
            .WithDescription(
                "Owner or admin. The person is named by the e-mail of a verified, enabled account; any other address is the same "
                + "400 on email. role is member (the default) or admin. 409 when the person is already a member." + Visibility);

        group.MapPatch("/{id:guid}/members/{userId:guid}", ChangeMember)
            .WithName("Groups_ChangeMember")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Change a member's role")
            .WithDescription(
                "Owner or admin. role is member or admin; the owner's own membership cannot change (400 on userId). 404 for "
                + "someone who is not a member." + Visibility);

        group.MapDelete("/{id:guid}/members/{userId:guid}", RemoveMember)
            .WithName("Groups_RemoveMember")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Remove a member, or leave")
            .WithDescription(
                "Owner or admin remove any member; any member may remove itself (leave). The owner cannot be removed (400 on "
                + "userId): it deletes the group instead. Takes effect with the next request. 404 for someone who is not a member."
                + Visibility);

        return api;
    }

    public static async Task<Results<Created<GroupResponse>, ValidationProblem>> Create(
        CreateGroupRequest request, CreateGroupHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await handler.HandleAsync(new CreateGroupCommand(request.Name, request.Description), cancellationToken);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/groups/{result.Value.Id}", result.Value.ToResponse())
            : result.ToValidationProblem();
    }

    public static async Task<Results<Ok<PageResponse<GroupResponse>>, ValidationProblem>> List(
        ListGroupsHandler handler, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new ListGroupsQuery(limit, cursor), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value.ToResponse()) : result.ToValidationProblem();
    }

    public static async Task<Results<Ok<GroupResponse>, ProblemHttpResult>> Get(
        Guid id, GetGroupHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new GetGroupQuery(id), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value.ToResponse()) : result.ToProblem();
    }

    public static async Task<Results<Ok<GroupResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, UpdateGroupRequest request, UpdateGroupHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await handler.HandleAsync(new UpdateGroupCommand(id, request.Name, request.Description), cancellationToken);
        return result.Status switch
        {
            ResultStatus.Ok => TypedResults.Ok(result.Value.ToResponse()),
            ResultStatus.Invalid => result.ToValidationProblem(),
            _ => result.ToProblem(),
        };
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid id, DeleteGroupHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new DeleteGroupCommand(id), cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : result.ToProblem();
    }

    public static async Task<Results<Ok<PageResponse<GroupMemberResponse>>, ValidationProblem, ProblemHttpResult>> ListMembers(
        Guid id, ListGroupMembersHandler handler, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new ListGroupMembersQuery(id, limit, cursor), cancellationToken);
        return result.Status switch
        {
            ResultStatus.Ok => TypedResults.Ok(result.Value.ToResponse()),
            ResultStatus.Invalid => result.ToValidationProblem(),
            _ => result.ToProblem(),
        };
    }

    public static async Task<Results<Created<GroupMemberResponse>, ValidationProblem, ProblemHttpResult>> AddMember(
        Guid id, AddGroupMemberRequest request, AddGroupMemberHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await handler.HandleAsync(new AddGroupMemberCommand(id, request.Email, request.Role), cancellationToken);
        return result.Status switch
        {
            ResultStatus.Ok => TypedResults.Created($"/api/v1/groups/{id}/members/{result.Value.UserId}", result.Value.ToResponse()),
            ResultStatus.Invalid => result.ToValidationProblem(),
            _ => result.ToProblem(),
        };
    }

    public static async Task<Results<Ok<GroupMemberResponse>, ValidationProblem, ProblemHttpResult>> ChangeMember(
        Guid id, Guid userId, ChangeGroupMemberRequest request, ChangeGroupMemberRoleHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await handler.HandleAsync(new ChangeGroupMemberRoleCommand(id, userId, request.Role), cancellationToken);
        return result.Status switch
        {
            ResultStatus.Ok => TypedResults.Ok(result.Value.ToResponse()),
            ResultStatus.Invalid => result.ToValidationProblem(),
            _ => result.ToProblem(),
        };
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveMember(
        Guid id, Guid userId, RemoveGroupMemberHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new RemoveGroupMemberCommand(id, userId), cancellationToken);
        return result.Status switch
        {
            ResultStatus.Ok => TypedResults.NoContent(),
            ResultStatus.Invalid => result.ToValidationProblem(),
            _ => result.ToProblem(),
        };
    }
}
