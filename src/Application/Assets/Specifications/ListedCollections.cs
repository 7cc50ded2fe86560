using MediaVault.Domain.Assets.Media;

namespace MediaVault.Application.Assets.Specifications;

/// <summary>
/// The renditions of a listed asset, as a list query reads them: aggregated in SQL into one string column
/// (<c>string_agg</c> on PostgreSQL, <c>group_concat</c> on SQLite), unpacked here. A list query that projects two
/// collections makes EF Core join both tables under the page (one row per tag × rendition) and build delegates for
/// every row it reads (its collection shaper, dotnet/efcore#35210): the largest share of the list's API time in the
/// profile of docs/performance.md. The tags stay a collection: they are answered in the order they were given, and an
/// aggregate cannot keep that order on SQLite without the tag rows' ids, which the domain does not expose. The
/// separators, <c>,</c> between renditions and <c>|</c> between fields, are printable (a control character would be
/// mangled by tools that read the statements back from PostgreSQL's log) and can be in none of the fields: a
/// rendition's name is one of <see cref="Rendition.Names"/>, its status a name, its content type one of the pipeline's
/// (<c>image/webp</c>, <c>image/jpeg</c>: no parameters), its size numbers.
/// </summary>
/// <remarks>
/// In a query, the renditions are aggregated with <c>GroupBy(_ =&gt; 1)</c> (one group per asset), the form EF Core
/// translates to an aggregate subquery on both databases; an asset without renditions reads <c>null</c>.
/// </remarks>
public static class ListedCollections
{
    /// <summary>Between two renditions.</summary>
    public const string ItemSeparator = ",";

    /// <summary>Between the fields of one rendition.</summary>
    public const string FieldSeparator = "|";

    /// <summary>
    /// The renditions of an aggregated column, each written in SQL as
    /// <c>name FS status FS contentType FS width FS height</c> (a missing value as an empty field; the status by its
    /// name, as the database stores it).
    /// </summary>
    public static List<RenditionDto> Renditions(string? packed)
    {
        if (string.IsNullOrEmpty(packed))
        {
            return [];
        }

        var renditions = new List<RenditionDto>();
        foreach (var item in packed.Split(ItemSeparator))
        {
            var fields = item.Split(FieldSeparator);
            if (fields.Length != 5 || !Enum.TryParse<RenditionStatus>(fields[1], ignoreCase: false, out var status))
            {
                throw new FormatException($"A rendition read from the database is not in the listed form: '{item}'.");
            }

            renditions.Add(new RenditionDto(fields[0], status, NullIfEmpty(fields[2]), Number(fields[3]), Number(fields[4])));
        }

        return renditions;
    }

    private static string? NullIfEmpty(string field) => field.Length == 0 ? null : field;

    private static int? Number(string field) =>
        field.Length == 0 ? null : int.Parse(field, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture);
}
