using System.Threading.Channels;
using MediaVault.Application.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MediaVault.Infrastructure.Email;

/// <summary>The messages waiting for <see cref="EmailDispatcher"/>.</summary>
internal sealed class EmailOutbox
{
    private readonly Channel<EmailMessage> _messages = Channel.CreateBounded<EmailMessage>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<EmailMessage> Reader => _messages.Reader;

    public ValueTask EnqueueAsync(EmailMessage message, CancellationToken cancellationToken) => _messages.Writer.WriteAsync(message, cancellationToken);
}

/// <summary>
/// What use cases see as <see cref="IEmailSender"/>: it queues the message and returns. Requests do not wait for the
/// mail server, so an answer takes as long whether a mail was sent or not (no account enumeration by timing), and a
/// slow or absent mail server does not fail the request whose data is already committed.
/// </summary>
internal sealed class QueuedEmailSender(EmailOutbox outbox) : IEmailSender
{
    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken) => outbox.EnqueueAsync(message, cancellationToken).AsTask();
}

/// <summary>
/// Delivers queued mail through the configured adapter (SMTP or pickup folder), trying each message three times.
/// The queue is in memory: mail still queued when the process dies is lost, and the person asks again (resend, forgot).
/// </summary>
internal sealed partial class EmailDispatcher(
    EmailOutbox outbox,
    [FromKeyedServices(EmailDispatcher.DeliveryKey)] IEmailSender delivery,
    TimeProvider clock,
    ILogger<EmailDispatcher> logger) : BackgroundService
{
    public const string DeliveryKey = "delivery";

    private const int Attempts = 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var message in outbox.Reader.ReadAllAsync(stoppingToken))
            {
                await DeliverAsync(message, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is still queued gets one short try each below.
        }

        while (outbox.Reader.TryRead(out var message))
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5), clock);
            await DeliverAsync(message, timeout.Token, attempts: 1);
        }
    }

    private async Task DeliverAsync(EmailMessage message, CancellationToken cancellationToken, int attempts = Attempts)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await delivery.SendAsync(message, cancellationToken);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (attempt >= attempts)
                {
                    LogUndelivered(e, message.Subject, attempt);
                    return;
                }

                LogRetrying(message.Subject, attempt);
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(2 * attempt), clock, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                LogUndelivered(null, message.Subject, attempt);
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail \"{Subject}\" not delivered (attempt {Attempt}); trying again.")]
    private partial void LogRetrying(string subject, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mail \"{Subject}\" could not be delivered after {Attempts} attempts; it is dropped.")]
    private partial void LogUndelivered(Exception? exception, string subject, int attempts);
}
