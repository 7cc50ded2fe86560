namespace MediaVault.Infrastructure.RateLimiting;

/// <summary>
/// One row of the <c>rate_limit_windows</c> table: the calls counted for one partition (policy and client) in one
/// fixed window. Only <see cref="SharedRateLimiter"/> writes rows, with one upsert per call; the
/// <see cref="RateLimitWindowSweeper"/> deletes the windows that have passed.
/// </summary>
public sealed class RateLimitWindow
{
    public const int PartitionKeyMaxLength = 200;

    /// <summary>The policy and the client, e.g. <c>auth:203.0.113.7</c>.</summary>
    public string PartitionKey { get; init; } = string.Empty;

    /// <summary>Start of the window, in seconds since the Unix epoch (a number, so both databases compare it alike).</summary>
    public long WindowStart { get; init; }

    /// <summary>Calls counted in this window, the refused ones included.</summary>
    public int Hits { get; init; }
}
