using System.Net;
using System.Net.Sockets;

namespace MediaVault.Application.Sharing;

/// <summary>How much of a link holder's address the activity log keeps: its /24 network (IPv4) or /48 network (IPv6).</summary>
public static class ClientAddress
{
    /// <summary>
    /// The network of <paramref name="address"/> in CIDR notation, e.g. <c>203.0.113.0/24</c> or <c>2001:db8:85a3::/48</c>;
    /// an IPv4 address mapped into IPv6 counts as IPv4; <c>null</c> for no address.
    /// </summary>
    public static string? Truncate(IPAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        var (keep, prefix) = address.AddressFamily == AddressFamily.InterNetworkV6 ? (6, 48) : (3, 24);
        Array.Clear(bytes, keep, bytes.Length - keep);
        return $"{new IPAddress(bytes)}/{prefix}";
    }
}
