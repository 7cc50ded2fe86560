namespace MediaVault.Domain.Assets;

/// <summary>An asset is registered <see cref="Pending"/> and becomes <see cref="Ready"/> once its bytes are stored. There is no other path.</summary>
public enum AssetStatus
{
    Pending = 0,
    Ready = 1,
}
