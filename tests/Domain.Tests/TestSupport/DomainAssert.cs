using MediaVault.Domain.Common;

namespace MediaVault.Domain.Tests.TestSupport;

/// <summary>The two assertions every domain test speaks in: a named rule was broken, a named event was raised.</summary>
internal static class DomainAssert
{
    /// <summary>Runs <paramref name="act"/> and asserts that it broke exactly the rule <typeparamref name="TRule"/>.</summary>
    public static TRule AssertBrokenRule<TRule>(Action act)
        where TRule : IBusinessRule
    {
        var violation = Should.Throw<BusinessRuleViolationException>(act);
        violation.BrokenRule.ShouldBeOfType<TRule>(
            $"expected {typeof(TRule).Name} to be broken, but {violation.RuleName} was");
        violation.RuleName.ShouldBe(typeof(TRule).Name);
        violation.Message.ShouldNotBeNullOrWhiteSpace();
        return (TRule)violation.BrokenRule;
    }

    /// <summary>Asserts that <paramref name="aggregate"/> raised exactly one <typeparamref name="TEvent"/> and returns it.</summary>
    public static TEvent AssertRaised<TEvent>(IAggregateRoot aggregate)
        where TEvent : IDomainEvent
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        var raised = aggregate.DomainEvents.OfType<TEvent>().ToList();
        raised.Count.ShouldBe(
            1,
            $"expected one {typeof(TEvent).Name}; raised: [{string.Join(", ", aggregate.DomainEvents.Select(e => e.GetType().Name))}]");
        return raised[0];
    }

    /// <summary>Asserts that <paramref name="aggregate"/> raised nothing at all.</summary>
    public static void AssertNothingRaised(IAggregateRoot aggregate)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        aggregate.DomainEvents.ShouldBeEmpty(
            $"raised: [{string.Join(", ", aggregate.DomainEvents.Select(e => e.GetType().Name))}]");
    }
}
