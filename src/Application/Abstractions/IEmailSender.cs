namespace MediaVault.Application.Abstractions;

public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null);

/// <summary>
/// E-mail. What use cases get queues the message durably: when <see cref="SendAsync"/> returns it is saved in the
/// database, inside the <see cref="IUnitOfWork"/> transaction if one is open (so it commits or rolls back with the
/// change that caused it), and a background worker delivers it with retries. Infrastructure's delivery adapters (an
/// SMTP server, or files in a pickup folder on the embedded default) implement it too, behind that queue.
/// </summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
