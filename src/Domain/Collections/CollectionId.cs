namespace MediaVault.Domain.Collections;

public readonly record struct CollectionId(Guid Value) : IComparable<CollectionId>
{
    public static bool operator <(CollectionId left, CollectionId right) => left.CompareTo(right) < 0;

    public static bool operator >(CollectionId left, CollectionId right) => left.CompareTo(right) > 0;

    public static bool operator <=(CollectionId left, CollectionId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(CollectionId left, CollectionId right) => left.CompareTo(right) >= 0;

    public int CompareTo(CollectionId other) => Value.CompareTo(other.Value);

    public static CollectionId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
