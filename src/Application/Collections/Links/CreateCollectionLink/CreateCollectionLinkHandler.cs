using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Collections.Specifications;
using MediaVault.Application.Common;
using MediaVault.Application.Sharing;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Common;
using MediaVault.Domain.Sharing;

namespace MediaVault.Application.Collections.Links.CreateCollectionLink;

/// <summary>The body of <c>POST /collections/{id}/links</c>, as sent: <c>kind</c> is <c>view</c> or <c>upload</c>.</summary>
public sealed record CreateCollectionLinkCommand(
    Guid CollectionId,
    string? Kind,
    DateTimeOffset? ExpiresAt,
    string? Password,
    int? MaxDownloads,
    int? MaxUploads,
    bool? AllowDownload);

/// <summary>
/// The collection's owner or a manager opens a view link (its contents) or an upload link (a drop into it), under the
/// link policy (<see cref="LinkSettings"/>) that asset links follow. The token is made here, shown once and stored only
/// as its SHA-256; a password only as a salted, slow hash.
/// </summary>
public sealed class CreateCollectionLinkHandler(
    IReadRepository<Collection> collections,
    IRepository<ShareLink> links,
    IQueryRunner queries,
    ISecretHasher secrets,
    IShareLinkUrls urls,
    ICurrentUser currentUser,
    TimeProvider clock,
    LinkSettings settings)
{
    public async Task<Result<CreatedCollectionLinkDto>> HandleAsync(CreateCollectionLinkCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var caller = currentUser.RequireId();
        var now = clock.GetUtcNow();
        var collection = await collections.FirstOrDefaultAsync(
            new CollectionWithGrantsSpec(new CollectionId(command.CollectionId), forUpdate: false), cancellationToken);
        if (collection is null)
        {
            return Result<CreatedCollectionLinkDto>.NotFound();
        }

        var actor = await queries.MembershipsAsync(caller, cancellationToken);
        try
        {
            // Who may ask comes first: a stranger learns nothing from a bad body.
            collection.EnsureShareableBy(actor, now);
            var validation = settings.Check(new Validation(), command.ExpiresAt, command.Password, now)
                .When(!TryParseKind(command.Kind, out var kind), "kind", "kind must be view or upload.");
            if (!validation.IsValid)
            {
                return validation.ToResult<CreatedCollectionLinkDto>();
            }

            var token = LinkTokens.New();
            var passwordHash = command.Password is null ? null : secrets.Hash(command.Password);
            var link = ShareLink.ForCollection(
                collection,
                actor,
                kind,
                LinkTokens.Hash(token),
                passwordHash,
                settings.ExpiryFor(command.ExpiresAt, now),
                new LinkLimits(command.MaxDownloads, command.MaxUploads, command.AllowDownload),
                now);
            await links.AddAsync(link, cancellationToken);
            return Result.Success(new CreatedCollectionLinkDto(CollectionLinkDto.From(link, now), token, urls.ForToken(token)));
        }
        catch (BusinessRuleViolationException violation)
        {
            return CollectionRuleOutcomes.ToResult<CreatedCollectionLinkDto>(violation);
        }
    }

    // The kinds a collection link may be, as the API spells them, in any letter case.
    private static bool TryParseKind(string? value, out LinkKind kind)
    {
        var known = new[] { LinkKind.View, LinkKind.Upload }.Where(k => string.Equals(value, k.ToString(), StringComparison.OrdinalIgnoreCase)).ToList();
        kind = known.FirstOrDefault();
        return known.Count == 1;
    }
}
