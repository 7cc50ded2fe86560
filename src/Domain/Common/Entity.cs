namespace MediaVault.Domain.Common;

public abstract class Entity<TId>
    where TId : struct
{
    public TId Id { get; protected set; }

    protected static void CheckRule(IBusinessRule rule)
    {
        if (rule.IsBroken())
        {
            throw new BusinessRuleViolationException(rule);
        }
    }
}
