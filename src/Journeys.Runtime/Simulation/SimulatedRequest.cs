using System.Text.Json;

namespace Journeys.Runtime.Simulation;

/// <summary>An HTTP request as it would have been sent: rendered URL, headers with secrets masked, JSON body.</summary>
public sealed record SimulatedRequest
{
    public required string Method { get; init; }

    public required string Url { get; init; }

    /// <summary>By name, case-insensitively ordered; auth values are <c>***</c>.</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    public JsonElement? Body { get; init; }
}
