namespace MediaVault.Application.Common;

/// <summary>One page of a keyset-paginated list; <see cref="NextCursor"/> is <c>null</c> on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

public static class Paging
{
    public const int DefaultLimit = 50;

    public const int MaxLimit = 100;
}
