namespace MediaVault.Integration.Tests.Support;

/// <summary>
/// Rate limits count in fixed one-minute windows aligned to the clock (ADR-058), shared by every instance. A test that
/// spends a budget and expects the next call refused must not straddle the start of a new window, where the count
/// begins again: it starts only when enough of the current window is left.
/// </summary>
public static class RateLimitWindows
{
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(15);

    /// <summary>Returns at once unless fewer than 15 seconds of the current window are left; then waits for the next one.</summary>
    public static async Task AwayFromTheWindowEdgeAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var left = TimeSpan.FromMinutes(1) - TimeSpan.FromTicks(now.UtcTicks % TimeSpan.TicksPerMinute);
        if (left < Margin)
        {
            await Task.Delay(left + TimeSpan.FromMilliseconds(100));
        }
    }
}
