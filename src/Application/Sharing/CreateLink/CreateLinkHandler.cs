using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets;
using MediaVault.Application.Assets.Specifications;
using MediaVault.Application.Common;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Sharing;

namespace MediaVault.Application.Sharing.CreateLink;

public sealed record CreateLinkCommand(Guid AssetId, DateTimeOffset? ExpiresAt, string? Password, int? MaxDownloads);

/// <summary>
/// The owner or a manager creates a public link to a ready asset. The token is made here, shown once in the answer and
/// stored only as its SHA-256; a password is stored only as a salted, slow hash.
/// </summary>
public sealed class CreateLinkHandler(IAccessPaths accessPaths, 
    IReadRepository<Asset> assets,
    IRepository<ShareLink> links,
    ISecretHasher secrets,
    IShareLinkUrls urls,
    ICurrentUser currentUser,
    TimeProvider clock,
    LinkSettings settings)
{
    public async Task<Result<CreatedLinkDto>> HandleAsync(CreateLinkCommand command, CancellationToken cancellationToken)
    {
        var caller = currentUser.RequireId();
        var now = clock.GetUtcNow();
        if (await assets.FindVisibleAsync(new AssetForCallerSpec(new AssetId(command.AssetId), caller), accessPaths, caller, now, cancellationToken) is not (var asset, var access))
        {
            return Result<CreatedLinkDto>.NotFound();
        }

        if (!access.CanShare)
        {
            return Result<CreatedLinkDto>.Forbidden("Only the owner or a manager creates links.");
        }

        var validation = settings.Check(new Validation(), command.ExpiresAt, command.Password, now)
            .When(command.MaxDownloads is < 1, "maxDownloads", "maxDownloads must be at least 1.");
        if (!validation.IsValid)
        {
            return validation.ToResult<CreatedLinkDto>();
        }

        if (asset.Status != AssetStatus.Ready)
        {
            return Result<CreatedLinkDto>.Conflict("A link is made only to a ready asset: complete the upload first.");
        }

        var token = LinkTokens.New();
        var passwordHash = command.Password is null ? null : secrets.Hash(command.Password);
        var link = ShareLink.Create(asset, caller, access, LinkTokens.Hash(token), passwordHash, settings.ExpiryFor(command.ExpiresAt, now), command.MaxDownloads, now);
        await links.AddAsync(link, cancellationToken);
        return Result.Success(new CreatedLinkDto(LinkDto.From(link, now), token, urls.ForToken(token)));
    }
}
