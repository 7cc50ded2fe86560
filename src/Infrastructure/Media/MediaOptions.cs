namespace MediaVault.Infrastructure.Media;

/// <summary>Media processing (<c>Media__…</c>): whether this instance processes media, how many at once, and its tools.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary><c>Media__Enabled</c>: <c>false</c> leaves <c>media.process</c> jobs waiting for an instance that processes them.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// <c>Media__Workers</c>: how many assets one instance processes at once. Two by default: most of a job is waiting
    /// (the store, the database), so a second one keeps a burst of uploads from queueing behind the first; decoding a
    /// large picture or a video takes about one core while it lasts.
    /// </summary>
    public int Workers { get; set; } = 2;

    /// <summary><c>Media__FfmpegPath</c> and <c>Media__FfprobePath</c>: the tools for video and audio (found on PATH by default).</summary>
    public string FfmpegPath { get; set; } = "ffmpeg";

    public string FfprobePath { get; set; } = "ffprobe";

    /// <summary><c>Media__ToolTimeoutSeconds</c>: how long ffprobe or ffmpeg may take on one file before it is stopped.</summary>
    public int ToolTimeoutSeconds { get; set; } = 300;
}
