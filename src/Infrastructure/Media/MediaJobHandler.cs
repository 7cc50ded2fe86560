using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets.ProcessMedia;
using MediaVault.Infrastructure.Jobs;
using MediaVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaVault.Infrastructure.Media;

/// <summary>
/// Runs <c>media.process</c> jobs (<see cref="MediaJobs"/>) on the durable queue: <c>Media__Workers</c> at once per
/// instance. A file that cannot be read is a permanent outcome recorded on the asset (renditions <c>failed</c>) and
/// logged with its reason; the job then succeeds, since retrying cannot fix it (ADR-056). The store or a tool that does
/// not answer throws, and the queue retries with backoff.
/// </summary>
internal sealed partial class MediaJobHandler(
    ProcessMediaHandler handler, MediaVaultDbContext db, IOptions<MediaOptions> options, ILogger<MediaJobHandler> logger) : IJobHandler
{
    public string Kind => MediaJobs.ProcessKind;

    public int Concurrency => Math.Max(1, options.Value.Workers);

    public int MaxAttempts => 5;

    public async Task HandleAsync(string payload, CancellationToken cancellationToken)
    {
        if (MediaJobs.Parse(payload) is not { } command)
        {
            LogBadPayload(payload.Length);
            return;
        }

        var result = await handler.HandleAsync(command, cancellationToken);
        if (result.IsSuccess && result.Value is { } reason)
        {
            // The running job of this asset (its dedupe key) keeps the reason; succeeding does not clear last_error.
            var note = reason.Length > Job.LastErrorMaxLength ? reason[..Job.LastErrorMaxLength] : reason;
            var key = command.AssetId.ToString();
            await db.Jobs
                .Where(j => j.Kind == MediaJobs.ProcessKind && j.DedupeKey == key && j.State == JobStates.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.LastError, note), cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A media.process job with an unreadable payload ({Length} characters) was dropped")]
    private partial void LogBadPayload(int length);
}
