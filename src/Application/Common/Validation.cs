using MediaVault.Application.Abstractions;
using Ardalis.Result;

namespace MediaVault.Application.Common;

/// <summary>Collects field errors (keyed by the camelCase field name of the request) into an Invalid result.</summary>
public sealed class Validation
{
    private readonly List<ValidationError> _errors = [];

    public bool IsValid => _errors.Count == 0;

    public IReadOnlyList<ValidationError> Errors => _errors;

    public Validation Add(string field, string message)
    {
        _errors.Add(new ValidationError { Identifier = field, ErrorMessage = message, Severity = ValidationSeverity.Error });
        return this;
    }

    public Validation When(bool condition, string field, string message) => condition ? Add(field, message) : this;

    public Result ToResult() => Result.Invalid(_errors);

    public Result<T> ToResult<T>() => Result<T>.Invalid(_errors);

    /// <summary>Checks <c>limit</c> and <c>cursor</c> of the keyset-paginated list named <paramref name="list"/>.</summary>
    public Validation Paging(int? limit, string? cursor, ICursorSigner signer, string list, out KeysetCursor? decoded)
    {
        decoded = null;
        When(limit is < 1 or > Common.Paging.MaxLimit, "limit", $"limit must be between 1 and {Common.Paging.MaxLimit}.");
        if (cursor is not null && !KeysetCursor.TryDecode(cursor, signer, list, out decoded))
        {
            Add("cursor", "cursor is not one this server issued.");
        }

        return this;
    }
}
