using MediaVault.Domain.Sharing;

namespace MediaVault.Application.Abstractions;

/// <summary>Counts downloads through public links in the store itself, so that concurrent holders cannot overrun a limit.</summary>
public interface ILinkDownloadCounter
{
    /// <summary>
    /// Adds one to the link's download count in one conditional statement, only if at <paramref name="now"/> the link is
    /// neither revoked nor expired nor used up. Returns the count reached, this download included, or <c>null</c> when the
    /// link was no longer usable (another holder took the last download, or it was revoked meanwhile). Run it inside a
    /// <see cref="IUnitOfWork"/> transaction so that the count and the record of the download commit together.
    /// </summary>
    Task<int?> TryCountDownloadAsync(LinkId linkId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Adds one to an upload link's count of completed uploads in one conditional statement, only if at
    /// <paramref name="now"/> the link is neither revoked nor expired nor out of uploads. Returns the count reached, this
    /// upload included, or <c>null</c> when the link was no longer usable (another uploader took the last slot, or it was
    /// revoked meanwhile). Run it inside the <see cref="IUnitOfWork"/> transaction of the completion.
    /// </summary>
    Task<int?> TryCountUploadAsync(LinkId linkId, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Counts wrong passwords given to public links in the store itself, so the limit holds across requests and instances.</summary>
public interface ILinkPasswordFailures
{
    /// <summary>
    /// Adds one wrong password to the link's count in one statement: the count starts again at one, from
    /// <paramref name="now"/>, when the window of earlier failures has passed.
    /// </summary>
    Task RecordFailureAsync(LinkId linkId, DateTimeOffset now, CancellationToken cancellationToken);
}
