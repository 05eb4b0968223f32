using System.Text.Json;

namespace Journeys.Runtime.Orchestration;

/// <summary>The input of the jump activity: enter <paramref name="ProfileId"/> into the live version of the target.</summary>
public sealed record JumpRequest(string FromJourneyId, string TargetJourneyId, string ProfileId, JsonElement Entry, DateTimeOffset At);
