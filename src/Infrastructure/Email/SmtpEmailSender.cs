using MailKit.Net.Smtp;
using MailKit.Security;
using MediaVault.Application.Abstractions;
using MediaVault.Infrastructure.Configuration;
using Microsoft.Extensions.Options;

namespace MediaVault.Infrastructure.Email;

/// <summary>Delivers mail to an SMTP server with MailKit.</summary>
internal sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var mime = MimeMessages.Create(message, settings.From);
        using var client = new SmtpClient { Timeout = 15_000 };
        await client.ConnectAsync(settings.Smtp.Host, settings.Smtp.Port, SecureSocketOptions.Auto, cancellationToken);
        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
