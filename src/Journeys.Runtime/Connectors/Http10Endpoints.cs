using System.Collections.Concurrent;
using System.Net;

namespace Journeys.Runtime.Connectors;

/// <summary>
/// Endpoints (scheme, host, port) that answer HTTP/1.0 without <c>Connection: keep-alive</c>, and so close the
/// connection after every response. SocketsHttpHandler pools such a connection like any other (it only drops one
/// whose response says <c>Connection: close</c>) and hands it to the next call before the server's close arrives:
/// that call then fails with "The response ended prematurely" although the server is healthy. Calls to a recorded
/// endpoint go through a client that never reuses a connection, as HTTP/1.0 intends.
/// </summary>
internal sealed class Http10Endpoints
{
    /// <summary>Bounds the memory one process spends on this; forgetting only costs one more learning response.</summary>
    private const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, byte> endpoints = new(StringComparer.OrdinalIgnoreCase);

    public bool Contains(Uri uri) => !endpoints.IsEmpty && endpoints.ContainsKey(Key(uri));

    /// <summary>Records the endpoint when <paramref name="response"/> ends its connection by HTTP/1.0 rules.</summary>
    public void Learn(Uri uri, HttpResponseMessage response)
    {
        if (response.Version != HttpVersion.Version10 || KeepsAlive(response))
        {
            return;
        }

        if (endpoints.Count >= Capacity)
        {
            endpoints.Clear();
        }

        endpoints.TryAdd(Key(uri), 0);
    }

    private static bool KeepsAlive(HttpResponseMessage response) =>
        response.Headers.Connection.Any(token => token.Equals("keep-alive", StringComparison.OrdinalIgnoreCase));

    private static string Key(Uri uri) => uri.GetLeftPart(UriPartial.Authority);
}
