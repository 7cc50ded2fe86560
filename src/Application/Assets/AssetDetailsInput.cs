using MediaVault.Application.Common;
using MediaVault.Domain.Assets;

namespace MediaVault.Application.Assets;

/// <summary>Checks the editable details of an asset (title, description, tags) against the domain's limits.</summary>
internal static class AssetDetailsInput
{
    public static Validation Details(this Validation validation, string? title, string? description, IReadOnlyList<string?>? tags, out List<Tag>? parsedTags)
    {
        validation.When(title is not null && title.Trim().Length > AssetDetails.TitleMaxLength, "title", $"title is at most {AssetDetails.TitleMaxLength} characters.");
        validation.Text("title", title);
        validation.When(
            description is not null && description.Trim().Length > AssetDetails.DescriptionMaxLength,
            "description",
            $"description is at most {AssetDetails.DescriptionMaxLength} characters.");
        validation.Text("description", description, multiLine: true);
        parsedTags = null;
        if (tags is null)
        {
            return validation;
        }

        // Counted before any tag is parsed: a body of a million tags answers one error, not a million.
        if (tags.Count > Tag.MaxPerAsset)
        {
            validation.Add("tags", $"An asset carries at most {Tag.MaxPerAsset} tags; {tags.Count} were sent.");
            return validation;
        }

        parsedTags = [];
        foreach (var input in tags)
        {
            if (Tag.TryCreate(input, out var tag))
            {
                parsedTags.Add(tag!);
            }
            else
            {
                validation.Add("tags", $"'{Shorten(input)}' is not a tag: 1 to {Tag.MaxLength} letters, digits, '-', '_' or '.'.");
            }
        }

        validation.When(parsedTags.Distinct().Count() > Tag.MaxPerAsset, "tags", $"An asset carries at most {Tag.MaxPerAsset} tags.");
        return validation;
    }

    private static string Shorten(string? input) => input is null ? "null" : input.Length <= 60 ? input : input[..60] + "…";
}
