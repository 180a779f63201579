using System.Net;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Http;

/// <summary>
/// The client's address behind the proxies of Azure Functions, where the worker's own peer is always the
/// Functions host: the rightmost public address in X-Forwarded-For. Proxies append (or set) the address
/// they were called from, so entries to the left of it are whatever the client sent, and private ones
/// are the platform's own hops. Null when there is none: the caller cannot tell clients apart.
/// </summary>
public static class ForwardedClient
{
    public const string HeaderName = "X-Forwarded-For";

    public static IPAddress? Address(HttpContext context)
    {
        var hops = context
            .Request.Headers[HeaderName]
            .SelectMany(value =>
                (value ?? string.Empty).Split(
                    ',',
                    StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries
                )
            );
        foreach (var hop in hops.Reverse())
        {
            if (Parse(hop) is { } address && IsPublic(address))
            {
                return address;
            }
        }

        return null;
    }

    /// <summary>"203.0.113.7", "203.0.113.7:51234", "[2001:db8::1]:443" or "2001:db8::1".</summary>
    private static IPAddress? Parse(string hop)
    {
        if (IPAddress.TryParse(hop, out var plain))
        {
            return plain;
        }

        return IPEndPoint.TryParse(hop, out var endpoint) ? endpoint.Address : null;
    }

    private static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (
            IPAddress.IsLoopback(address)
            || address.IsIPv6LinkLocal
            || address.IsIPv6SiteLocal
            || address.IsIPv6UniqueLocal
        )
        {
            return false;
        }

        var bytes = address.GetAddressBytes();
        return bytes.Length != 4
            || !(
                bytes[0] == 10
                || (bytes[0] == 172 && bytes[1] >= 16 && bytes[1] <= 31)
                || (bytes[0] == 192 && bytes[1] == 168)
                || (bytes[0] == 169 && bytes[1] == 254)
                || (bytes[0] == 100 && bytes[1] >= 64 && bytes[1] <= 127)
            );
    }
}
