using System.Text.Json;

namespace Journeys.Runtime.Orchestration;

/// <summary>The input of the action activity: a <see cref="Journeys.Core.Execution.CallActionCommand"/> with the version it belongs to.</summary>
public sealed record ActionCallRequest(string JourneyId, int Version, string NodeId, string ActionId, JsonElement Params, string IdempotencyKey);
