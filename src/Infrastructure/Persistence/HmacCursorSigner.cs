using System.Security.Cryptography;
using MediaVault.Application.Abstractions;

namespace MediaVault.Infrastructure.Persistence;

/// <summary>Signs pagination cursors with HMAC-SHA256 under a key every instance derives alike.</summary>
internal sealed class HmacCursorSigner(byte[] key) : ICursorSigner
{
    public byte[] Sign(byte[] payload) => HMACSHA256.HashData(key, payload);
}
