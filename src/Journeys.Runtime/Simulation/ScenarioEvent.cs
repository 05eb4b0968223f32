using System.Text.Json;

namespace Journeys.Runtime.Simulation;

/// <summary>One event of a scenario: ingested at <paramref name="Offset"/> after the scenario's start.</summary>
/// <param name="Index">Its position in the scenario's <c>events</c>, for messages and discards.</param>
public sealed record ScenarioEvent(int Index, TimeSpan Offset, JsonElement Event);
