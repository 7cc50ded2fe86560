namespace MediaVault.WebApi.Contracts;

/// <summary>An account as administrators see it: no content, only how much is stored.</summary>
public sealed record AdminUserResponse(
    Guid Id,
    string Email,
    string DisplayName,
    bool EmailVerified,
    bool Disabled,
    IReadOnlyList<string> Roles,
    long StorageUsedBytes,
    int AssetCount,
    DateTimeOffset CreatedAt);
