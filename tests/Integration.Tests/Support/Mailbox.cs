using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MediaVault.Integration.Tests.Support;

/// <summary>A mail as the SMTP test server (maildev) received it.</summary>
public sealed partial record ReceivedMail(string Subject, string Text, string? Html, IReadOnlyList<string> To)
{
    /// <summary>The first link of the text body that starts with <paramref name="prefix"/>.</summary>
    public Uri Link(string prefix)
    {
        var link = LinkPattern().Matches(Text).Select(m => m.Value).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return link is null
            ? throw new AssertionException($"No link starting with {prefix} in the mail \"{Subject}\":\n{Text}")
            : new Uri(link);
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}

/// <summary>
/// Reads what the application sent through the real SMTP server started by scripts/test.sh, over maildev's REST API.
/// Every test uses addresses of its own, so tests never see each other's mail.
/// </summary>
public static class Mailbox
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>Host settings that deliver mail to the SMTP test server.</summary>
    public static Dictionary<string, string?> SmtpSettings() => new()
    {
        ["Email:Provider"] = "Smtp",
        ["Email:Smtp:Host"] = TestServers.SmtpHost,
        ["Email:Smtp:Port"] = TestServers.SmtpPort.ToString(CultureInfo.InvariantCulture),
    };

    public static string NewAddress(string purpose) => $"{purpose}-{Guid.NewGuid():N}@example.com";

    /// <summary>
    /// The mail to <paramref name="to"/>, oldest first, once at least <paramref name="count"/> arrived (mail is sent in
    /// the background after the request answered); fails if they do not arrive within 20 seconds.
    /// </summary>
    public static async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(string to, int count = 1)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var mails = await ReadAsync(to);
            if (mails.Count >= count)
            {
                return mails;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new AssertionException($"Expected {count} mail(s) to {to} within {Patience.TotalSeconds} s; {mails.Count} arrived.");
            }

            await Task.Delay(100);
        }
    }

    public static async Task<IReadOnlyList<ReceivedMail>> ReadAsync(string to)
    {
        var url = new Uri(TestServers.MaildevUrl, $"/api/email?to.address={Uri.EscapeDataString(to)}");
        using var document = JsonDocument.Parse(await Http.GetStringAsync(url));
        return [.. document.RootElement.EnumerateArray()
            .Select(m => (
                Date: m.TryGetProperty("date", out var date) && date.ValueKind == JsonValueKind.String ? date.GetString() : null,
                Mail: new ReceivedMail(
                    m.GetProperty("subject").GetString() ?? string.Empty,
                    m.TryGetProperty("text", out var text) ? text.GetString() ?? string.Empty : string.Empty,
                    m.TryGetProperty("html", out var html) && html.ValueKind == JsonValueKind.String ? html.GetString() : null,
                    [.. m.GetProperty("to").EnumerateArray().Select(a => a.GetProperty("address").GetString() ?? string.Empty)])))
            .Where(m => m.Mail.To.Contains(to, StringComparer.OrdinalIgnoreCase))
            .OrderBy(m => m.Date, StringComparer.Ordinal)
            .Select(m => m.Mail)];
    }
}
