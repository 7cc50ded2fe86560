namespace MediaVault.Domain.Assets;

/// <summary>The descriptive text of an asset that editors may change.</summary>
public static class AssetDetails
{
    public const int TitleMaxLength = 200;

    public const int DescriptionMaxLength = 4000;
}
