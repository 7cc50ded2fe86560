using System.Security.Cryptography;
using System.Text;

namespace MediaVault.Infrastructure.Storage;

/// <summary>
/// HMAC-SHA256 signatures for URLs the API serves itself (the embedded file-system store has no presigning of its own).
/// The key is 32 random bytes kept in the data folder, made on first use, so that URLs survive a restart.
/// </summary>
public sealed class UrlSigner
{
    private const int KeyBytes = 32;
    private readonly byte[] _key;

    public UrlSigner(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < KeyBytes)
        {
            throw new ArgumentException($"A URL signing key has at least {KeyBytes} bytes.", nameof(key));
        }

        _key = key;
    }

    /// <summary>The key kept in <paramref name="dataDirectory"/> (<c>url-signing.key</c>), made there on first use.</summary>
    public static UrlSigner FromDataDirectory(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, "url-signing.key");
        if (!File.Exists(path))
        {
            try
            {
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes))));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another instance made it first: use theirs.
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return new UrlSigner(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }

    /// <summary>The signature of <paramref name="canonical"/> (the signed parts of a URL, joined by new lines), base64url.</summary>
    public string Sign(string canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(canonical));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Whether <paramref name="signature"/> is this key's signature of <paramref name="canonical"/>, compared in constant time.</summary>
    public bool Verify(string canonical, string? signature)
    {
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(canonical));
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
