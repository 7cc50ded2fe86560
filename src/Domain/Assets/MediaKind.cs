namespace MediaVault.Domain.Assets;

public enum MediaKind
{
    Image = 0,
    Video = 1,
    Audio = 2,
}
