using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Common;

namespace MediaVault.Application.Administration.ListUsers;

public sealed record ListUsersQuery(int? Limit = null, string? Cursor = null, string? Q = null);

/// <summary>Administrators list accounts, newest first; <c>q</c> matches e-mail and display name.</summary>
public sealed class ListUsersHandler(IAccountAdministration accounts, ICurrentUser currentUser, ICursorSigner cursors)
{
    public const int MaxSearchLength = 200;

    /// <summary>The name this list's cursors are signed with: a cursor of another list is not accepted here.</summary>
    public const string CursorList = "admin-users";

    public async Task<Result<Page<AccountSummary>>> HandleAsync(ListUsersQuery query, CancellationToken cancellationToken)
    {
        if (!currentUser.IsAdmin)
        {
            return Result<Page<AccountSummary>>.Forbidden("Only administrators list accounts.");
        }

        var validation = new Validation()
            .Paging(query.Limit, query.Cursor, cursors, CursorList, out var cursor)
            .When(query.Q is { Length: > MaxSearchLength }, "q", $"q is at most {MaxSearchLength} characters.")
            .Text("q", query.Q);
        if (!validation.IsValid)
        {
            return validation.ToResult<Page<AccountSummary>>();
        }

        var limit = query.Limit ?? Paging.DefaultLimit;
        var text = string.IsNullOrWhiteSpace(query.Q) ? null : query.Q.Trim();
        var rows = await accounts.ListAsync(new AccountQuery(text, cursor, limit), cancellationToken);
        var items = rows.Take(limit).ToList();
        var next = rows.Count > limit ? new KeysetCursor(items[^1].CreatedAt, items[^1].Id).Encode(cursors, CursorList) : null;
        return Result.Success(new Page<AccountSummary>(items, next));
    }
}
