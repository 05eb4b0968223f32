using System.Net;
using System.Net.Sockets;
using Journeys.Host.Commands;

namespace Journeys.Host.Serving;

/// <summary>
/// Checks, before <c>serve</c> opens the database or starts anything, that the addresses it is told to listen on
/// are free. Kestrel would find out too, but only after the host started, and the hosting layer then logs the
/// failure with its stack trace; a busy port is a user's mistake and gets one line instead.
/// </summary>
public static class PortProbe
{
    /// <summary>Throws <see cref="CommandFailedException"/> naming the first address of <paramref name="urls"/> that is taken.</summary>
    public static void EnsureFree(string urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Endpoint(url) is not { } endpoint)
            {
                continue; // Port 0, a host name or a form Kestrel will judge itself.
            }

            using var probe = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                // As Kestrel does: a port left in TIME_WAIT by the previous run is free; only a listener makes it busy.
                probe.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                probe.Bind(endpoint);
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                throw new CommandFailedException(
                    $"cannot listen on {url}: port {endpoint.Port} is already in use (another journeys serve, or another program); stop it or choose another address with --urls.");
            }
            catch (SocketException)
            {
                // Not ours to judge (no such interface, no permission): Kestrel reports it.
            }
        }
    }

    private static IPEndPoint? Endpoint(string url)
    {
        // Kestrel's wildcard forms are not valid URI hosts; they mean every interface.
        var normalised = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalised, UriKind.Absolute, out var uri) || uri.Port <= 0)
        {
            return null;
        }

        if (uri.IsLoopback && !IPAddress.TryParse(uri.Host.Trim('[', ']'), out _))
        {
            return new IPEndPoint(IPAddress.Loopback, uri.Port); // localhost
        }

        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) ? new IPEndPoint(address, uri.Port) : null;
    }
}
