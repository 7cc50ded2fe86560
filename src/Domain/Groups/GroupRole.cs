namespace MediaVault.Domain.Groups;

/// <summary>
/// A member's place in a group, weakest first. Every member sees the group and its members; an admin also renames it
/// and manages its members; the owner (exactly one: its creator) also deletes it.
/// </summary>
public enum GroupRole
{
    Member = 1,
    Admin = 2,
    Owner = 3,
}
