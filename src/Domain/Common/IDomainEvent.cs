namespace MediaVault.Domain.Common;

/// <summary>Something that happened in the domain, named in the past tense. The unit of work records it.</summary>
public interface IDomainEvent
{
    DateTimeOffset OccurredAt { get; }
}
