namespace MediaVault.Application.Abstractions;

/// <summary>
/// Signs the pagination cursors the server hands out, so that a cursor it did not issue (forged, altered, or taken
/// from another list) is refused with a 400. The key is shared by every instance.
/// </summary>
public interface ICursorSigner
{
    /// <summary>A short message authentication code of <paramref name="payload"/>.</summary>
    byte[] Sign(byte[] payload);
}
