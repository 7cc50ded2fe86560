namespace MediaVault.Domain.Sharing;

public readonly record struct LinkId(Guid Value)
{
    public static LinkId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
