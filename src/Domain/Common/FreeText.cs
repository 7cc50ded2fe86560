namespace MediaVault.Domain.Common;

/// <summary>
/// The one rule for which characters free text may hold (titles, descriptions, file names, display names, e-mail
/// addresses, search terms, link passwords). Never NUL, no C0 or C1 control character, no DEL and no unpaired
/// surrogate (it is not Unicode text: it cannot be encoded as UTF-8, and PostgreSQL refuses NUL). Multi-line text
/// (a description) also accepts tab, line feed and carriage return.
/// </summary>
public static class FreeText
{
    /// <summary>The message a validator shows for text this rule refuses.</summary>
    public const string SingleLineMessage = "cannot contain control characters or unpaired surrogates.";

    public const string MultiLineMessage = "cannot contain control characters (other than tab and line breaks) or unpaired surrogates.";

    /// <summary>One line of text: no control character at all.</summary>
    public static bool IsSingleLine(string value) => IsText(value, allowLineBreaks: false);

    /// <summary>Several lines: tab, line feed and carriage return are accepted, no other control character.</summary>
    public static bool IsMultiLine(string value) => IsText(value, allowLineBreaks: true);

    private static bool IsText(string value, bool allowLineBreaks)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 == value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c) || (char.IsControl(c) && !(allowLineBreaks && c is '\t' or '\n' or '\r')))
            {
                return false;
            }
        }

        return true;
    }
}
