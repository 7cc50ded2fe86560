namespace MediaVault.Infrastructure.Jobs;

/// <summary>
/// The wait before the next attempt: exponential (base, 2·base, 4·base, …, at most <c>max</c>) with "equal jitter" —
/// a random point in the upper half of the step — so that jobs that failed together do not all come back together,
/// and each retry still waits longer than the one before.
/// </summary>
internal static class JobBackoff
{
    /// <param name="failedAttempts">Attempts made so far (1 after the first failure).</param>
    /// <param name="baseDelay">The wait after the first failure (before jitter).</param>
    /// <param name="max">The longest wait (before jitter).</param>
    /// <param name="random">A number in [0, 1).</param>
    public static TimeSpan Delay(int failedAttempts, TimeSpan baseDelay, TimeSpan max, double random)
    {
        var exponent = Math.Clamp(failedAttempts - 1, 0, 30);
        var step = Math.Min(baseDelay.TotalMilliseconds * Math.Pow(2, exponent), max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(step * (0.5 + (0.5 * Math.Clamp(random, 0, 1))));
    }
}
