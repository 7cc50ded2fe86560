using MediaVault.Domain.Sharing;

namespace MediaVault.Domain.Tests.TestSupport;

/// <summary>A download through an asset link as the download handler records it: its own asset, the store's count.</summary>
internal static class LinkDownloads
{
    /// <summary>Records one download the store counted; <paramref name="countInStore"/> defaults to the link's count plus one.</summary>
    public static void RecordDownload(this ShareLink link, DateTimeOffset now, int? countInStore = null) =>
        link.RecordDownload(link.AssetId!.Value, now, countInStore ?? link.DownloadCount + 1, client: null);
}
