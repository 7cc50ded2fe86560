namespace MediaVault.Domain.Common;

/// <summary>A named invariant. A broken rule is a bug or a race, never control flow.</summary>
public interface IBusinessRule
{
    bool IsBroken();

    string Message { get; }
}
