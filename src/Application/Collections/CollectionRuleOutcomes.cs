using Ardalis.Result;
using MediaVault.Application.Common;
using MediaVault.Domain.Collections.Rules;
using MediaVault.Domain.Common;
using MediaVault.Domain.Sharing.Rules;

namespace MediaVault.Application.Collections;

/// <summary>
/// The one table that says what each broken collection rule means to a caller: its result status and, for invalid
/// input, the request field it names. Handlers call the collection's behaviour and translate the rule it reports here;
/// they never check a collection rule themselves.
/// </summary>
public static class CollectionRuleOutcomes
{
    private static readonly Dictionary<Type, (ResultStatus Status, string? Field)> Table = new()
    {
        [typeof(OnlyGranteesSeeCollection)] = (ResultStatus.NotFound, null),
        [typeof(OnlyEditorsChangeCollection)] = (ResultStatus.Forbidden, null),
        [typeof(OnlyManagersShareCollection)] = (ResultStatus.Forbidden, null),
        [typeof(OnlyOwnerDeletesCollection)] = (ResultStatus.Forbidden, null),
        [typeof(AddedAssetMustBeVisible)] = (ResultStatus.NotFound, null),
        [typeof(AddedAssetMustBeShareable)] = (ResultStatus.Forbidden, null),
        [typeof(AddedAssetMustBeReady)] = (ResultStatus.Conflict, null),
        [typeof(RemovedAssetMustBeInCollection)] = (ResultStatus.NotFound, null),
        [typeof(GrantCannotTargetOwner)] = (ResultStatus.Invalid, "granteeEmail"),
        [typeof(NobodyGrantsToThemselves)] = (ResultStatus.Invalid, "granteeEmail"),
        [typeof(GrantRoleMustBeGrantable)] = (ResultStatus.Invalid, "role"),
        [typeof(GrantExpiryMustBeInFuture)] = (ResultStatus.Invalid, "expiresAt"),
        [typeof(OneActiveGrantPerGrantee)] = (ResultStatus.Conflict, null),
        [typeof(GranteeCannotChangeOwnGrant)] = (ResultStatus.Forbidden, null),
        [typeof(RevokedGrantCannotChange)] = (ResultStatus.NotFound, null),
        [typeof(CollectionLinkIsViewOrUpload)] = (ResultStatus.Invalid, "kind"),
        [typeof(LinkLimitsMustFitKind)] = (ResultStatus.Invalid, null),
        [typeof(LinkExpiryMustBeInFuture)] = (ResultStatus.Invalid, "expiresAt"),
        [typeof(LinkDownloadLimitMustBePositive)] = (ResultStatus.Invalid, "maxDownloads"),
        [typeof(LinkUploadLimitMustBePositive)] = (ResultStatus.Invalid, "maxUploads"),
    };

    /// <summary>Every rule this table knows; a test checks that it covers every collection rule.</summary>
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
            // A limit that does not fit the link's kind names itself (maxUploads on a view link, …).
            _ => new Validation().Add(outcome.Field ?? (violation.BrokenRule as LinkLimitsMustFitKind)?.Field ?? "request", message).ToResult<T>(),
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
