using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MediaVault.Infrastructure.RateLimiting;

/// <summary>
/// Deletes the rate-limit windows that have passed, once per window. Every instance runs it; the delete is idempotent,
/// so two instances sweeping at once only repeat each other. A failed round is logged and retried on the next tick.
/// </summary>
internal sealed partial class RateLimitWindowSweeper(
    IServiceScopeFactory scopes, TimeProvider clock, ILogger<RateLimitWindowSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SharedRateLimiter.Window, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SweepAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SharedRateLimiter>().SweepAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogSweepFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping passed rate-limit windows failed; retrying on the next tick.")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
