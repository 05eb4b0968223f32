using System.Text.Json;

namespace Journeys.Runtime.Simulation;

/// <summary>What the stub answered one attempt: a status and body, a timeout, or the stub was missing.</summary>
public sealed record SimulatedResponse
{
    public int? Status { get; init; }

    public JsonElement? Body { get; init; }

    /// <summary>True when the attempt got no answer within the action's timeout.</summary>
    public bool? TimedOut { get; init; }

    /// <summary>Why there was no answer at all (a missing stub).</summary>
    public string? Error { get; init; }
}
