using System.Security.Cryptography;
using MediaVault.Application.Abstractions;

namespace MediaVault.Application.Tests;

/// <summary>A real HMAC under a fixed test key: cursors it signs decode, anything else is refused.</summary>
internal sealed class TestCursorSigner : ICursorSigner
{
    public static readonly TestCursorSigner Instance = new();

    private static readonly byte[] Key = "application-tests-cursor-key-0123456789"u8.ToArray();

    public byte[] Sign(byte[] payload) => HMACSHA256.HashData(Key, payload);
}
