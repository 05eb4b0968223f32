using System.Text.Json;

namespace Journeys.Core.Execution;

/// <summary>A candidate event of this profile for the waitForEvent node the instance waits in.</summary>
public sealed record EventReceivedInput(string EventId, JsonElement Event) : StepInput;
