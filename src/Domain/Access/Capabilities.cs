namespace MediaVault.Domain.Access;

/// <summary>
/// What one person may do to one asset at one instant, as decided by <see cref="AccessPolicy"/>. Only the domain builds
/// one: a use case cannot make up capabilities, it can only ask the policy.
/// </summary>
public sealed record Capabilities
{
    /// <summary>A stranger's capabilities: nothing, not even knowing the asset exists.</summary>
    public static readonly Capabilities None = new(null, false, false, false, false, false);

    private Capabilities(AccessRole? role, bool canView, bool canDownload, bool canEdit, bool canShare, bool canDelete) =>
        (Role, CanView, CanDownload, CanEdit, CanShare, CanDelete) = (role, canView, canDownload, canEdit, canShare, canDelete);

    public AccessRole? Role { get; }

    public bool CanView { get; }

    public bool CanDownload { get; }

    public bool CanEdit { get; }

    public bool CanShare { get; }

    public bool CanDelete { get; }

    public bool IsOwner => Role == AccessRole.Owner;

    internal static Capabilities For(AccessRole role, bool canDownload) => new(
        role,
        canView: true,
        canDownload: canDownload,
        canEdit: role >= AccessRole.Editor,
        canShare: role >= AccessRole.Manager,
        canDelete: role == AccessRole.Owner);
}
