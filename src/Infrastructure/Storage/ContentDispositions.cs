using System.Text;
using MediaVault.Application.Abstractions;

namespace MediaVault.Infrastructure.Storage;

/// <summary>
/// <c>Content-Disposition</c> values as RFC 6266 wants them: the disposition type, an ASCII <c>filename</c> fallback for
/// old clients, and the exact name as <c>filename*=UTF-8''…</c> (RFC 8187 percent-encoding).
/// </summary>
public static class ContentDispositions
{
    /// <summary>
    /// The disposition for serving <paramref name="contentType"/>: what was asked, except that a type a browser could run
    /// script in (see <see cref="MayRenderInline"/>) is always an attachment.
    /// </summary>
    public static string Build(DownloadDisposition disposition, string fileName, string contentType) =>
        Build(MayRenderInline(contentType) ? disposition : DownloadDisposition.Attachment, fileName);

    /// <summary>
    /// Whether a browser may show this type inline: only passive media (<c>image/*</c>, <c>video/*</c>, <c>audio/*</c>)
    /// that is not XML-based or markup. <c>image/svg+xml</c>, anything <c>*xml*</c>, <c>text/html</c> and any other type
    /// can carry script that would run on the origin serving it.
    /// </summary>
    public static bool MayRenderInline(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return false;
        }

        var type = contentType.Split(';', 2)[0].Trim().ToLowerInvariant();
        var slash = type.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            return false;
        }

        var top = type[..slash];
        var sub = type[(slash + 1)..];
        return top is "image" or "video" or "audio"
            && sub.Length > 0
            && !sub.Contains("xml", StringComparison.Ordinal)
            && !sub.Contains("svg", StringComparison.Ordinal)
            && !sub.Contains("html", StringComparison.Ordinal)
            && !sub.Contains("javascript", StringComparison.Ordinal);
    }

    /// <summary>Turns a signed <c>inline…</c> value into <c>attachment…</c>, keeping the file name parameters.</summary>
    public static string AsAttachment(string contentDisposition)
    {
        ArgumentNullException.ThrowIfNull(contentDisposition);
        var semicolon = contentDisposition.IndexOf(';', StringComparison.Ordinal);
        return semicolon < 0 ? "attachment" : "attachment" + contentDisposition[semicolon..];
    }

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
