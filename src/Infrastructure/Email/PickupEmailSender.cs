using MediaVault.Application.Abstractions;
using MediaVault.Infrastructure.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaVault.Infrastructure.Email;

/// <summary>
/// The embedded default: writes each message as an <c>.eml</c> file into the pickup folder and logs where, with the
/// links it carries, so that a person can sign up without a mail server. Not for production: it logs those links.
/// </summary>
internal sealed partial class PickupEmailSender(IOptions<EmailOptions> options, string directory, ILogger<PickupEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        using var mime = MimeMessages.Create(message, options.Value.From);
        var path = Path.Combine(directory, $"{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml");
        await mime.WriteToAsync(path, cancellationToken);
        if (logger.IsEnabled(LogLevel.Information))
        {
            var links = message.TextBody.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
                .Where(word => word.StartsWith("http://", StringComparison.Ordinal) || word.StartsWith("https://", StringComparison.Ordinal));
            var joined = string.Join(" ", links);
            LogPickedUp(message.Subject, path, joined);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail \"{Subject}\" written to {Path}. Links: {Links}")]
    private partial void LogPickedUp(string subject, string path, string links);
}
