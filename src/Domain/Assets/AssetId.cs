namespace MediaVault.Domain.Assets;

public readonly record struct AssetId(Guid Value) : IComparable<AssetId>
{
    public static bool operator <(AssetId left, AssetId right) => left.CompareTo(right) < 0;

    public static bool operator >(AssetId left, AssetId right) => left.CompareTo(right) > 0;

    public static bool operator <=(AssetId left, AssetId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(AssetId left, AssetId right) => left.CompareTo(right) >= 0;

    public int CompareTo(AssetId other) => Value.CompareTo(other.Value);

    public static AssetId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
