namespace MediaVault.Domain.Users;

/// <summary>The identity of a person using MediaVault; an <see cref="Owners.Owner"/> shares it.</summary>
public readonly record struct UserId(Guid Value)
{
    public static UserId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
