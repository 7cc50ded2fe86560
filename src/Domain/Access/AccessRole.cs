namespace MediaVault.Domain.Access;

/// <summary>
/// What a person is to an asset, weakest first. <see cref="Owner"/> is not a grant: it is above every grant
/// and is the only role that may delete. Grants carry <see cref="Viewer"/>, <see cref="Editor"/> or <see cref="Manager"/>.
/// </summary>
public enum AccessRole
{
    Viewer = 1,
    Editor = 2,
    Manager = 3,
    Owner = 4,
}

public static class AccessRoles
{
    /// <summary>The roles a grant may carry.</summary>
    public static bool IsGrantable(this AccessRole role) => role is AccessRole.Viewer or AccessRole.Editor or AccessRole.Manager;
}
