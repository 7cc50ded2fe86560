namespace MediaVault.Application.Abstractions;

/// <summary>One-way, salted, deliberately slow hashing of secrets a person chooses (such as a link's password).</summary>
public interface ISecretHasher
{
    string Hash(string secret);

    /// <summary>Whether <paramref name="secret"/> is the one <paramref name="hash"/> was made from.</summary>
    bool Verify(string hash, string secret);
}
