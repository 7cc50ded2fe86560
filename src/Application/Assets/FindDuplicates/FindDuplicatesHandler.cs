using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Common;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Access;

namespace MediaVault.Application.Assets.FindDuplicates;

public sealed record FindDuplicatesQuery(IReadOnlyList<string?>? Sha256);

/// <summary>A digest and the caller's ready assets that have it, oldest first.</summary>
public sealed record DuplicateDto(string Sha256, IReadOnlyList<Guid> AssetIds);

/// <summary>
/// Which of these SHA-256 digests the caller already stored: its own ready assets with that digest (a mismatched
/// asset's declared digest is not its bytes', so it does not count), for a client to skip uploading them again. One
/// item per requested digest that matched, in the order asked; answered from the index on (owner, sha256).
/// </summary>
public sealed class FindDuplicatesHandler(IQueryRunner queries, ICurrentUser currentUser)
{
    public const int MaxDigests = 100;

    public async Task<Result<IReadOnlyList<DuplicateDto>>> HandleAsync(FindDuplicatesQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var validation = new Validation();
        var digests = new List<string>();
        if (query.Sha256 is not { Count: >= 1 and <= MaxDigests })
        {
            validation.Add("sha256", $"sha256 lists from 1 to {MaxDigests} digests.");
        }
        else
        {
            foreach (var input in query.Sha256)
            {
                if (!Sha256Digest.TryCreate(input, out var digest))
                {
                    validation.Add("sha256", "Each digest is 64 hexadecimal characters.");
                    break;
                }

                digests.Add(digest!.Value);
            }
        }

        if (!validation.IsValid)
        {
            return validation.ToResult<IReadOnlyList<DuplicateDto>>();
        }

        var caller = currentUser.RequireId();
        var wanted = digests.Distinct(StringComparer.Ordinal).ToList();
        var rows = await queries.ListAsync<Asset, DuplicateRow>(
            assets => assets
                .Where(AccessPolicy.OwnedBy(caller))
                .Where(AccessPolicy.ShareableState())
                .Where(a => a.Sha256 != null
                    && wanted.Contains(a.Sha256))
                .OrderBy(a => a.CreatedAt)
                .ThenBy(a => a.Id)
                .Select(a => new DuplicateRow(a.Sha256!, a.Id)),
            cancellationToken);

        IReadOnlyList<DuplicateDto> items = [.. wanted
            .Select(d => new DuplicateDto(d, [.. rows.Where(r => r.Sha256 == d).Select(r => r.Id.Value)]))
            .Where(d => d.AssetIds.Count > 0)];
        return Result.Success(items);
    }

    private sealed record DuplicateRow(string Sha256, AssetId Id);
}
