namespace MediaVault.Application.Abstractions;

public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null);

/// <summary>Delivers e-mail: to an SMTP server, or as files in a pickup folder on the embedded default.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
