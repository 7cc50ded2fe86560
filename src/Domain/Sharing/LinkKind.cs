namespace MediaVault.Domain.Sharing;

/// <summary>What a public link opens: one asset, a collection's contents, or a drop into a collection.</summary>
public enum LinkKind
{
    /// <summary>One ready asset: its name and a download (tier 1).</summary>
    Asset = 0,

    /// <summary>A collection's ready, inheriting assets: a listing, renditions, and originals when allowed.</summary>
    View = 1,

    /// <summary>A drop into a collection: anonymous uploads that become the collection owner's assets.</summary>
    Upload = 2,
}

/// <summary>
/// The limits a collection link is opened with: <see cref="MaxDownloads"/> and <see cref="AllowDownload"/> for a view
/// link, <see cref="MaxUploads"/> for an upload link; <c>null</c> where not given.
/// </summary>
public sealed record LinkLimits(int? MaxDownloads = null, int? MaxUploads = null, bool? AllowDownload = null);

/// <summary>How a public link was used, as its activity line names it (<c>link.viewed</c>, …).</summary>
public enum LinkUse
{
    Viewed = 0,
    Downloaded = 1,
    Uploaded = 2,
}
