using System.Text.Json;

namespace Journeys.Core.Execution;

/// <summary>
/// Enter the profile into the live version of <paramref name="TargetJourneyId"/> with <paramref name="Entry"/>
/// (this instance's entry event); answer with <see cref="JumpCompletedInput"/>.
/// </summary>
public sealed record JumpCommand(string NodeId, string TargetJourneyId, JsonElement Entry) : JourneyCommand;
