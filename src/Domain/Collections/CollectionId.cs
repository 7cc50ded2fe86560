namespace MediaVault.Domain.Collections;

public readonly record struct CollectionId(Guid Value)
{
    public static CollectionId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
