namespace MediaVault.Domain.Assets.Media;

/// <summary>A rendition is <see cref="Pending"/> until the worker made it (<see cref="Ready"/>) or could not (<see cref="Failed"/>).</summary>
public enum RenditionStatus
{
    Pending = 0,
    Ready = 1,
    Failed = 2,
}
