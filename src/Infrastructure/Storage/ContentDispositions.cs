using System.Text;
using MediaVault.Application.Abstractions;

namespace MediaVault.Infrastructure.Storage;

/// <summary>
/// <c>Content-Disposition</c> values as RFC 6266 wants them: the disposition type, an ASCII <c>filename</c> fallback for
/// old clients, and the exact name as <c>filename*=UTF-8''…</c> (RFC 8187 percent-encoding).
/// </summary>
public static class ContentDispositions
{
    public static string Build(DownloadDisposition disposition, string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var type = disposition == DownloadDisposition.Inline ? "inline" : "attachment";
        return $"{type}; filename=\"{AsciiFallback(fileName)}\"; filename*=UTF-8''{Encode(fileName)}";
    }

    private static string AsciiFallback(string fileName)
    {
        var builder = new StringBuilder(fileName.Length);
        foreach (var c in fileName)
        {
            builder.Append(c is >= ' ' and <= '~' and not '"' and not '\\' and not '%' ? c : '_');
        }

        return builder.ToString();
    }

    // RFC 8187 attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~"
    private static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length * 3);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '&' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
