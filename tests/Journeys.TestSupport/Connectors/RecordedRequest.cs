using Journeys.TestSupport.Connectors;

namespace Journeys.TestSupport.Connectors;

/// <summary>One request as the loopback server saw it; <see cref="ArrivedAtMs"/> is on the server's own stopwatch.</summary>
public sealed record RecordedRequest(int Number, string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body, long ArrivedAtMs)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
