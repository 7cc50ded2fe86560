using MediaVault.Application.Assets.PurgeAbandonedUploads;
using MediaVault.Application.Assets.ReconcileStorage;
using MediaVault.Application.Trash.EnqueueOverduePurges;
using MediaVault.Infrastructure.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaVault.Infrastructure.Background;

/// <summary>
/// Runs <see cref="PurgeAbandonedUploadsHandler"/> every <c>Assets__SweepIntervalSeconds</c> (default 60; 0 turns the
/// purge off), batch after batch until no abandoned upload is left, then <see cref="EnqueueOverduePurgesHandler"/> (a
/// trashed asset whose purge job gave up gets a new one), and <see cref="ReconcileStorageHandler"/> every
/// <c>Assets__ReconcileIntervalSeconds</c> (default 21,600, six hours; 0 turns it off). A failed round is logged and
/// retried on the next tick.
/// </summary>
internal sealed partial class UploadSweeper(
    IServiceScopeFactory scopes, IOptions<AssetsOptions> options, TimeProvider clock, ILogger<UploadSweeper> logger) : BackgroundService
{
    private const int BatchSize = 100;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(
            EveryAsync(options.Value.SweepIntervalSeconds, SweepAsync, stoppingToken),
            EveryAsync(options.Value.ReconcileIntervalSeconds, ReconcileAsync, stoppingToken));

    private async Task EveryAsync(int seconds, Func<CancellationToken, Task> work, CancellationToken stoppingToken)
    {
        if (seconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await work(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task ReconcileAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ReconcileStorageHandler>().HandleAsync(new ReconcileStorageCommand(), stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogReconcileFailed(logger, e);
        }
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        try
        {
            int purged;
            do
            {
                await using var scope = scopes.CreateAsyncScope();
                var handler = scope.ServiceProvider.GetRequiredService<PurgeAbandonedUploadsHandler>();
                purged = (await handler.HandleAsync(new PurgeAbandonedUploadsCommand(BatchSize), stoppingToken)).Value;
                if (purged > 0)
                {
                    LogPurged(logger, purged);
                }
            }
            while (purged == BatchSize && !stoppingToken.IsCancellationRequested);

            await using var trashScope = scopes.CreateAsyncScope();
            var requeued = await trashScope.ServiceProvider.GetRequiredService<EnqueueOverduePurgesHandler>()
                .HandleAsync(new EnqueueOverduePurgesCommand(BatchSize), stoppingToken);
            if (requeued > 0)
            {
                LogRequeued(logger, requeued);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} abandoned uploads")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Enqueued the purge of {Count} trashed assets whose purge was long overdue")]
    private static partial void LogRequeued(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging abandoned uploads failed; trying again on the next round")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciling the object store with the assets failed; trying again on the next round")]
    private static partial void LogReconcileFailed(ILogger logger, Exception exception);
}
