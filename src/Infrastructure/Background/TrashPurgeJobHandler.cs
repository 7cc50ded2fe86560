using MediaVault.Application.Abstractions;
using MediaVault.Application.Trash;
using MediaVault.Application.Trash.PurgeTrashedAsset;
using Microsoft.Extensions.Logging;

namespace MediaVault.Infrastructure.Background;

/// <summary>
/// Runs <c>asset.purge</c> jobs (<see cref="TrashJobs"/>) on the durable queue: a trashed asset whose purge is due is
/// purged (<see cref="PurgeTrashedAssetHandler"/>). A store that does not answer, or a restore racing the purge, throws,
/// and the queue retries with backoff; the sweeper enqueues the purge again should every attempt fail (ADR-075).
/// </summary>
internal sealed partial class TrashPurgeJobHandler(PurgeTrashedAssetHandler handler, ILogger<TrashPurgeJobHandler> logger) : IJobHandler
{
    public string Kind => TrashJobs.PurgeKind;

    public int Concurrency => 2;

    public int MaxAttempts => 10;

    public async Task HandleAsync(string payload, CancellationToken cancellationToken)
    {
        if (TrashJobs.Parse(payload) is not { } command)
        {
            LogBadPayload(payload.Length);
            return;
        }

        await handler.HandleAsync(command, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An asset.purge job with an unreadable payload ({Length} characters) was dropped")]
    private partial void LogBadPayload(int length);
}
