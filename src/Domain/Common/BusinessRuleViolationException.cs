namespace MediaVault.Domain.Common;

public sealed class BusinessRuleViolationException : Exception
{
    public BusinessRuleViolationException(IBusinessRule brokenRule)
        : base(brokenRule.Message)
    {
        BrokenRule = brokenRule;
    }

    public IBusinessRule BrokenRule { get; }

    /// <summary>The rule's name, e.g. <c>GrantCannotTargetOwner</c>, safe to show to a client.</summary>
    public string RuleName => BrokenRule.GetType().Name;
}
