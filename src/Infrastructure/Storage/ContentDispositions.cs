using System.Text;

namespace MediaVault.Infrastructure.Storage;

/// <summary>
/// The Content-Disposition a download is served with: an ASCII <c>filename</c> for old clients and the exact name as
/// RFC 5987 <c>filename*=UTF-8''…</c> (percent-encoded, RFC 3986 unreserved characters only left bare).
/// </summary>
public static class ContentDispositions
{
    public static string For(string fileName, bool inline)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        var fallback = new StringBuilder(fileName.Length);
        foreach (var c in fileName)
        {
            fallback.Append(c is >= ' ' and < (char)127 and not '"' and not '\\' and not '%' ? c : '_');
        }

        return $"{(inline ? "inline" : "attachment")}; filename=\"{fallback}\"; filename*=UTF-8''{Encode(fileName)}";
    }

    private static string Encode(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        var encoded = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~')
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
