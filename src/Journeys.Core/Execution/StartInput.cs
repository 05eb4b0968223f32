using System.Text.Json;

namespace Journeys.Core.Execution;

/// <summary>Starts a new instance for <paramref name="ProfileId"/> with the event that entered it.</summary>
public sealed record StartInput(JsonElement Entry, string ProfileId, string InstanceId) : StepInput;
