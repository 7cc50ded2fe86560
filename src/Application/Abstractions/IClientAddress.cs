namespace MediaVault.Application.Abstractions;

/// <summary>
/// Where the current request comes from, as the activity log keeps it: truncated to its /24 (IPv4) or /48 (IPv6)
/// network (<see cref="Sharing.ClientAddress.Truncate"/>), so that a line tells roughly who, never exactly.
/// </summary>
public interface IClientAddress
{
    /// <summary>The truncated address, or <c>null</c> when the request has none (in-process calls).</summary>
    string? Truncated { get; }
}
