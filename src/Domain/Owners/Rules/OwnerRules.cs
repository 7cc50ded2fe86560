using MediaVault.Domain.Common;

namespace MediaVault.Domain.Owners.Rules;

/// <summary>An owner's used plus reserved bytes never exceed the quota.</summary>
public sealed class StorageQuotaMustNotBeExceeded(Owner owner, long requestedBytes) : IBusinessRule
{
    public bool IsBroken() => !owner.CanReserve(requestedBytes);

    public string Message => "The owner's storage quota would be exceeded.";
}

public sealed class QuotaMustNotBeNegative(long quotaBytes) : IBusinessRule
{
    public bool IsBroken() => quotaBytes < 0;

    public string Message => "A storage quota cannot be negative.";
}

public sealed class ReservationMustCoverSettledBytes(long reservedBytes, long settledBytes) : IBusinessRule
{
    public bool IsBroken() => settledBytes < 0 || settledBytes > reservedBytes;

    public string Message => "Only reserved bytes can be settled as used.";
}
