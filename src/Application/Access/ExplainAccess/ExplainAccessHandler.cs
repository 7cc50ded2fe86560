using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets;
using MediaVault.Application.Common;
using MediaVault.Application.Sharing;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Access.ExplainAccess;

/// <summary><c>UserId</c>: the person asked about, as the query string gave it; <c>null</c> for the caller itself.</summary>
public sealed record ExplainAccessQuery(Guid AssetId, string? UserId = null);

/// <summary>The collection a path goes through.</summary>
public sealed record CollectionRefDto(Guid Id, string Name);

/// <summary>One way a person holds a role on an asset (see <see cref="AccessPath"/>).</summary>
public sealed record AccessPathDto(
    AccessPathKind Kind,
    AccessRole Role,
    bool AllowDownload,
    DateTimeOffset? ExpiresAt,
    Guid? GrantId,
    GroupRefDto? Group,
    CollectionRefDto? Collection)
{
    public static AccessPathDto From(AccessPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new AccessPathDto(
            path.Kind,
            path.Role,
            path.AllowDownload,
            path.ExpiresAt,
            path.GrantId?.Value,
            path.Group is { } g ? new GroupRefDto(g.Id, g.Name) : null,
            path.Collection is { } c ? new CollectionRefDto(c.Id, c.Name) : null);
    }
}

/// <summary>A person's capabilities on an asset and every active path they come from, strongest first.</summary>
public sealed record AccessExplanationDto(Guid UserId, AccessDto Access, IReadOnlyList<AccessPathDto> Paths)
{
    public static AccessExplanationDto From(UserId person, AccessDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new AccessExplanationDto(person.Value, decision.Capabilities.ToDto(), [.. decision.Paths.Select(AccessPathDto.From)]);
    }
}

/// <summary>
/// Explains why a person may do what to an asset: anyone who sees the asset about itself; its owner and managers also
/// about anybody else (a person without access gets no role and no path). Everyone else does not see the asset.
/// </summary>
public sealed class ExplainAccessHandler(AccessDecisions decisions, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Result<AccessExplanationDto>> HandleAsync(ExplainAccessQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        Guid subject = default;
        var validation = new Validation().When(
            query.UserId is not null && !Guid.TryParse(query.UserId, out subject), "userId", "userId must be a user id (a UUID).");
        if (!validation.IsValid)
        {
            return validation.ToResult<AccessExplanationDto>();
        }

        var caller = currentUser.RequireId();
        var now = clock.GetUtcNow();
        var assetId = new AssetId(query.AssetId);
        var own = await decisions.DecideAsync(caller, assetId, now, cancellationToken);
        if (!own.Capabilities.CanView)
        {
            return Result<AccessExplanationDto>.NotFound();
        }

        var person = query.UserId is null ? caller : new UserId(subject);
        if (person == caller)
        {
            return Result.Success(AccessExplanationDto.From(caller, own));
        }

        if (!own.Capabilities.CanShare)
        {
            return Result<AccessExplanationDto>.Forbidden("Only the owner or a manager asks about someone else's access.");
        }

        return Result.Success(AccessExplanationDto.From(person, await decisions.DecideAsync(person, assetId, now, cancellationToken)));
    }
}
