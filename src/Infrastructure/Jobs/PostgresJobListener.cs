using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MediaVault.Infrastructure.Jobs;

/// <summary>
/// PostgreSQL only: wakes this instance's <see cref="JobWorker"/> when a job was committed on any instance. The enqueue
/// sends <c>NOTIFY mediavault_jobs</c> in the transaction that writes the job (<see cref="JobSignalInterceptor"/>), so it
/// is delivered on commit only; this service holds one dedicated connection that listens on the channel and pulses
/// <see cref="JobSignal"/> for every notification. After a failure (PostgreSQL restarted) it reconnects with a growing
/// backoff, and it pulses once after every (re)connect, so a job committed while it was deaf does not wait for the poll
/// interval (ADR-081).
/// </summary>
internal sealed partial class PostgresJobListener(
    string connectionString, JobSignal signal, TimeProvider clock, ILogger<PostgresJobListener> logger) : BackgroundService
{
    public const string Channel = "mediavault_jobs";

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LastBackoff = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The listener's connection string: the application's, out of the pool (a LISTEN is session state, and the pooled
    /// connections are returned without a reset), with TCP keepalives so that a silently dropped connection is noticed
    /// without sending statements.
    /// </summary>
    public static string ConnectionStringFor(string applicationConnectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(applicationConnectionString)
        {
            Pooling = false,
            Multiplexing = false,
            TcpKeepAlive = true,
        };
        if (!applicationConnectionString.Contains("Timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.Timeout = 5;
        }

        return builder.ConnectionString;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var backoff = FirstBackoff;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, _) => signal.Notify();
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                backoff = FirstBackoff;
                LogListening(Channel);
                // Jobs committed while no connection listened are looked for now, not at the next poll.
                signal.Notify();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogListenFailed(e, (long)backoff.TotalMilliseconds);
                try
                {
                    await Task.Delay(backoff, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                backoff = backoff * 2 < LastBackoff ? backoff * 2 : LastBackoff;
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping: the cancelled wait may surface as a broken connection.
                break;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Listening for committed jobs on channel {Channel}")]
    private partial void LogListening(string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for committed jobs failed; connecting again in {Milliseconds} ms")]
    private partial void LogListenFailed(Exception exception, long milliseconds);
}
