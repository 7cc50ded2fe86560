namespace MediaVault.Domain.Assets.Media;

/// <summary>
/// Whether the stored bytes are known to be the ones the client meant: <see cref="Unverified"/> until the server has
/// hashed them; <see cref="Verified"/> when the digest the client declared matches (or none was declared and the
/// computed one was taken); <see cref="Mismatch"/> when the declared digest differs from the stored bytes.
/// </summary>
public enum AssetIntegrity
{
    Unverified = 0,
    Verified = 1,
    Mismatch = 2,
}
