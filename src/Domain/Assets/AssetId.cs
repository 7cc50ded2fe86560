namespace MediaVault.Domain.Assets;

public readonly record struct AssetId(Guid Value)
{
    public static AssetId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
