namespace MediaVault.WebApi.Contracts;

/// <summary>
/// The signed-in account. <c>storageUsedBytes</c> counts ready assets; <c>storageReservedBytes</c> uploads in
/// progress; both count against <c>storageQuotaBytes</c>.
/// </summary>
public sealed record MeResponse(
    Guid Id,
    string Email,
    string DisplayName,
    bool EmailVerified,
    IReadOnlyList<string> Roles,
    long StorageUsedBytes,
    long StorageReservedBytes,
    long StorageQuotaBytes,
    DateTimeOffset CreatedAt);
