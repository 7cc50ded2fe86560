using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Domain.Common;

namespace MediaVault.Application.Common;

/// <summary>
/// Collects field errors (keyed by the camelCase field name of the request) into an Invalid result. It keeps at most
/// <see cref="MaxErrors"/> errors and one more to say there were more: a request never builds an unbounded list.
/// </summary>
public sealed class Validation
{
    /// <summary>The most errors one answer reports.</summary>
    public const int MaxErrors = 20;

    private readonly List<ValidationError> _errors = [];

    public bool IsValid => _errors.Count == 0;

    public IReadOnlyList<ValidationError> Errors => _errors;

    /// <summary>Whether errors were dropped beyond <see cref="MaxErrors"/>.</summary>
    public static bool IsTruncated(IReadOnlyCollection<ValidationError> errors) =>
        errors is not null && errors.Count > MaxErrors;

    public Validation Add(string field, string message)
    {
        if (_errors.Count > MaxErrors)
        {
            return this;
        }

        _errors.Add(new ValidationError { Identifier = field, ErrorMessage = message, Severity = ValidationSeverity.Error });
        return this;
    }

    public Validation When(bool condition, string field, string message) => condition ? Add(field, message) : this;

    /// <summary>Refuses text that <see cref="FreeText"/> refuses (control characters, unpaired surrogates, NUL).</summary>
    public Validation Text(string field, string? value, bool multiLine = false)
    {
        if (value is null || (multiLine ? FreeText.IsMultiLine(value) : FreeText.IsSingleLine(value)))
        {
            return this;
        }

        return Add(field, $"{field} {(multiLine ? FreeText.MultiLineMessage : FreeText.SingleLineMessage)}");
    }

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
