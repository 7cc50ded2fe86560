namespace MediaVault.Domain.Access;

/// <summary>What one person may do to one asset at one instant, as decided by <see cref="AccessPolicy"/>.</summary>
public sealed record Capabilities(
    AccessRole? Role,
    bool CanView,
    bool CanDownload,
    bool CanEdit,
    bool CanShare,
    bool CanDelete)
{
    /// <summary>A stranger's capabilities: nothing, not even knowing the asset exists.</summary>
    public static readonly Capabilities None = new(null, false, false, false, false, false);

    public bool IsOwner => Role == AccessRole.Owner;

    internal static Capabilities For(AccessRole role, bool isReady) => new(
        role,
        CanView: true,
        CanDownload: isReady,
        CanEdit: role >= AccessRole.Editor,
        CanShare: role >= AccessRole.Manager,
        CanDelete: role == AccessRole.Owner);
}
