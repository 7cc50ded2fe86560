using MediaVault.Application.Abstractions;
using MediaVault.Application.Common;
using MediaVault.Domain.Access;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Sharing;

/// <summary>
/// What a request to grant access names, checked the same way for an asset and for a collection: exactly one of a
/// person's e-mail or a group, a grantable role, an expiry in the future; the person a verified, enabled account that is
/// not the owner nor the caller itself, the group one the caller belongs to. Every address or group that cannot be granted gets one answer,
/// so the reply tells nothing about accounts or other people's groups.
/// </summary>
public static class GrantRequest
{
    public const string NotGrantable =
        "This address cannot be given access: it is not the address of a verified, enabled account, or it is the owner's or your own.";

    public const string NotGrantableGroup = "This group cannot be given access: there is no such group among the caller's groups.";

    /// <summary>The grantee and role named, or the validation errors (then <c>Grantee</c> is <c>null</c>).</summary>
    public static async Task<(Grantee? Grantee, AccessRole Role, Validation Validation)> ResolveAsync(
        string? granteeEmail,
        Guid? groupId,
        string? roleText,
        DateTimeOffset? expiresAt,
        UserId caller,
        UserId ownerId,
        IUserDirectory users,
        IGroupQueries groups,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(groups);
        var validation = new Validation();
        EmailAddress? email = null;
        validation.When(granteeEmail is null == groupId is null, "granteeEmail", "Give exactly one of granteeEmail or groupId.");
        validation.When(granteeEmail is not null && !EmailAddress.TryCreate(granteeEmail, out email), "granteeEmail", "granteeEmail must be an e-mail address.");
        validation.When(!GrantRoles.TryParse(roleText, out var role), "role", $"role must be one of {GrantRoles.Allowed}.");
        validation.When(expiresAt is { } expiry && expiry <= now, "expiresAt", "expiresAt must lie in the future.");
        if (!validation.IsValid)
        {
            return (null, role, validation);
        }

        if (groupId is { } groupValue)
        {
            var group = new GroupId(groupValue);
            return await groups.NameIfMemberAsync(group, caller, cancellationToken) is null
                ? (null, role, new Validation().Add("groupId", NotGrantableGroup))
                : (Grantee.OfGroup(group), role, validation);
        }

        var person = await users.FindGrantableByEmailAsync(email!, cancellationToken);
        return person is null || person.Id == ownerId || person.Id == caller
            ? (null, role, new Validation().Add("granteeEmail", NotGrantable))
            : (Grantee.OfPerson(person.Id), role, validation);
    }
}
