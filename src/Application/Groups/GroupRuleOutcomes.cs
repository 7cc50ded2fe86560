using Ardalis.Result;
using MediaVault.Application.Common;
using MediaVault.Domain.Common;
using MediaVault.Domain.Groups.Rules;

namespace MediaVault.Application.Groups;

/// <summary>
/// The one table that says what each broken group rule means to a caller: its result status and, for invalid input,
/// the request field it names. Handlers call the group's behaviour and translate the rule it reports here; they never
/// check a group rule themselves.
/// </summary>
public static class GroupRuleOutcomes
{
    private static readonly Dictionary<Type, (ResultStatus Status, string? Field)> Table = new()
    {
        [typeof(OnlyMembersSeeGroup)] = (ResultStatus.NotFound, null),
        [typeof(OnlyOwnerOrAdminManagesGroup)] = (ResultStatus.Forbidden, null),
        [typeof(OnlyOwnerDeletesGroup)] = (ResultStatus.Forbidden, null),
        [typeof(OnlyOwnerAdminOrSelfRemovesMember)] = (ResultStatus.Forbidden, null),
        [typeof(MemberMustBelongToGroup)] = (ResultStatus.NotFound, null),
        [typeof(PersonIsMemberOnce)] = (ResultStatus.Conflict, null),
        [typeof(MemberMustBeAnActiveAccount)] = (ResultStatus.Invalid, "email"),
        [typeof(GroupRoleMustBeAssignable)] = (ResultStatus.Invalid, "role"),
        [typeof(OwnerMembershipCannotChange)] = (ResultStatus.Invalid, "userId"),
        [typeof(OwnerCannotBeRemoved)] = (ResultStatus.Invalid, "userId"),
    };

    /// <summary>Every rule this table knows; a test checks that it covers every group rule.</summary>
    public static IReadOnlyCollection<Type> Rules => Table.Keys;

    public static Result<T> ToResult<T>(BusinessRuleViolationException violation)
    {
        ArgumentNullException.ThrowIfNull(violation);
        if (!Table.TryGetValue(violation.BrokenRule.GetType(), out var outcome))
        {
            throw new InvalidOperationException($"No outcome is mapped for {violation.RuleName}.", violation);
        }

        var message = violation.BrokenRule.Message;
        return outcome.Status switch
        {
            ResultStatus.NotFound => Result<T>.NotFound(),
            ResultStatus.Forbidden => Result<T>.Forbidden(message),
            ResultStatus.Conflict => Result<T>.Conflict(message),
            _ => new Validation().Add(outcome.Field ?? "request", message).ToResult<T>(),
        };
    }

    public static Result ToResult(BusinessRuleViolationException violation)
    {
        var typed = ToResult<bool>(violation);
        return typed.Status switch
        {
            ResultStatus.NotFound => Result.NotFound(),
            ResultStatus.Forbidden => Result.Forbidden([.. typed.Errors]),
            ResultStatus.Conflict => Result.Conflict([.. typed.Errors]),
            _ => Result.Invalid(typed.ValidationErrors),
        };
    }
}
