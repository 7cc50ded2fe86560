namespace MediaVault.Domain.Sharing;

public readonly record struct GrantId(Guid Value)
{
    public static GrantId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
