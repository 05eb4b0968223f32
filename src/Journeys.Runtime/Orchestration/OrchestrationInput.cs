using System.Text.Json;
using Journeys.Core.Execution;

namespace Journeys.Runtime.Orchestration;

/// <summary>
/// The input of one orchestration episode: a new instance (<see cref="Entry"/> set, <see cref="State"/> null) or an
/// instance carried over by continue-as-new (<see cref="State"/> set). Serialised with
/// <see cref="OrchestrationJsonContext"/>.
/// </summary>
public sealed record OrchestrationInput
{
    public required string JourneyId { get; init; }

    public required int Version { get; init; }

    public required string ProfileId { get; init; }

    /// <summary>
    /// The stepper's instance id (one per run, see <c>InstanceIds.RunId</c> in Journeys.Azure): it makes the action
    /// idempotency keys, so a profile that re-enters gets new keys although its orchestration id is the same.
    /// </summary>
    public required string InstanceId { get; init; }

    /// <summary>The entry event of a new instance.</summary>
    public JsonElement? Entry { get; init; }

    /// <summary>The saved state of an instance carried over by continue-as-new.</summary>
    public InstanceState? State { get; init; }

    /// <summary>
    /// When the command the saved state waits on was issued; events raised before it are stale (Durable buffers
    /// external events that arrive while nobody waits for them).
    /// </summary>
    public DateTimeOffset? PendingSince { get; init; }

    /// <summary>How many times the instance continued as new (diagnostics only).</summary>
    public int Generation { get; init; }

    /// <summary>
    /// The orchestration logic the instance runs with (<see cref="OrchestrationLogic"/>): set when it starts, kept by
    /// continue-as-new; absent in the inputs of instances started before it existed, which run version 1.
    /// </summary>
    public int? LogicVersion { get; init; }

    /// <summary>The input of a new instance: its entry event, and the current <see cref="OrchestrationLogic"/>.</summary>
    public static OrchestrationInput NewInstance(string journeyId, int version, string profileId, string instanceId, JsonElement entry) => new()
    {
        JourneyId = journeyId,
        Version = version,
        ProfileId = profileId,
        InstanceId = instanceId,
        Entry = entry.Clone(),
        LogicVersion = OrchestrationLogic.Current,
    };
}
