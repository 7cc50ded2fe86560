using System.Text.Json;
using MediaVault.Application.Abstractions;
using MediaVault.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MediaVault.Infrastructure.Email;

/// <summary>
/// What use cases see as <see cref="IEmailSender"/>: the message becomes an <c>email.send</c> job (ADR-056), saved at
/// once with the request's unit of work, so it commits with the account change that caused it (or rolls back with it)
/// and survives a restart. Requests do not wait for the mail server, so an answer takes as long whether a mail was sent
/// or not (no account enumeration by timing), and a slow or absent mail server does not fail the request.
/// </summary>
internal sealed class OutboxEmailSender(IJobQueue jobs, MediaVaultDbContext db) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        jobs.Enqueue(new JobRequest(EmailJobHandler.JobKind, EmailJobHandler.Serialize(message)));
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>
/// Delivers one queued mail through the configured adapter (SMTP or pickup folder). A failed delivery is retried by
/// the job worker with exponential backoff (<c>Jobs__RetryBaseMilliseconds</c>, <c>Jobs__RetryMaxSeconds</c>) and
/// dead-lettered with its last error after <see cref="MaxAttempts"/>. The payload is the rendered message: it holds
/// the link the mail exists to carry, and nothing else secret; the worker drops it as soon as the job succeeded. At
/// least once: a crash between the hand-over to the server and the record of success sends the mail again.
/// </summary>
internal sealed partial class EmailJobHandler(
    [FromKeyedServices(EmailJobHandler.DeliveryKey)] IEmailSender delivery,
    ILogger<EmailJobHandler> logger) : IJobHandler
{
    public const string JobKind = "email.send";

    public const string DeliveryKey = "delivery";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Kind => JobKind;

    public int Concurrency => 2;

    /// <summary>With the default backoff (5 s doubling, at most an hour) the last attempt comes about 40 minutes after the first.</summary>
    public int MaxAttempts => 10;

    public static string Serialize(EmailMessage message) => JsonSerializer.Serialize(message, Json);

    public async Task HandleAsync(string payload, CancellationToken cancellationToken)
    {
        EmailMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<EmailMessage>(payload, Json);
        }
        catch (JsonException)
        {
            message = null;
        }

        if (message is null || string.IsNullOrEmpty(message.To))
        {
            // Retrying cannot repair it: recorded here, and the job ends.
            LogUnreadable();
            return;
        }

        await delivery.SendAsync(message, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A queued mail could not be read; it is dropped.")]
    private partial void LogUnreadable();
}
