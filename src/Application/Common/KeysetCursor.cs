using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using MediaVault.Application.Abstractions;

namespace MediaVault.Application.Common;

/// <summary>
/// The position after the last item of a page in (createdAt desc, id desc) order, as an opaque base64url string:
/// a version byte, the instant and the id, and a signature over them and the name of the list it belongs to, so that
/// only cursors this server issued for that list are accepted.
/// </summary>
public readonly record struct KeysetCursor(DateTimeOffset CreatedAt, Guid Id)
{
    private const byte FormatVersion = 2;
    private const int PayloadSize = 1 + sizeof(long) + 16;
    private const int SignatureSize = 16;
    private const int MaxEncodedLength = 64;

    public string Encode(ICursorSigner signer, string list)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var payload = new byte[PayloadSize];
        payload[0] = FormatVersion;
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(1), CreatedAt.UtcTicks);
        Id.TryWriteBytes(payload.AsSpan(9), bigEndian: true, out _);
        var bytes = payload.Concat(Signature(signer, list, payload)).ToArray();
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static bool TryDecode(string? value, ICursorSigner signer, string list, [NotNullWhen(true)] out KeysetCursor? cursor)
    {
        ArgumentNullException.ThrowIfNull(signer);
        cursor = null;
        if (string.IsNullOrEmpty(value) || value.Length > MaxEncodedLength)
        {
            return false;
        }

        var base64 = value.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var bytes = new byte[PayloadSize + SignatureSize + 3];
        if (!Convert.TryFromBase64String(base64, bytes, out var written) || written != PayloadSize + SignatureSize || bytes[0] != FormatVersion)
        {
            return false;
        }

        var payload = bytes[..PayloadSize];
        if (!CryptographicOperations.FixedTimeEquals(bytes.AsSpan(PayloadSize, SignatureSize), Signature(signer, list, payload)))
        {
            return false;
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(1));
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        cursor = new KeysetCursor(new DateTimeOffset(ticks, TimeSpan.Zero), new Guid(payload.AsSpan(9, 16), bigEndian: true));
        return true;
    }

    private static byte[] Signature(ICursorSigner signer, string list, byte[] payload) =>
        signer.Sign([.. Encoding.UTF8.GetBytes(list), 0, .. payload])[..SignatureSize];
}
