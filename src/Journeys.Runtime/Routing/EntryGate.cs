using Journeys.Core.Execution;
using Journeys.Core.Model;
using Journeys.Core.Routing;

using Journeys.Runtime.Hosting;

namespace Journeys.Runtime.Routing;

/// <summary>
/// The one entry gate of both hosts (SPEC §5 entry): an event entering a journey and a jump into one pass the same
/// checks, already active, then the re-entry rules against the last exit, and a refusal is counted as a discard of
/// the journey's live version. <see cref="EventRouter"/>, the embedded engine's jump and the Azure jump activity
/// all call it.
/// </summary>
public static class EntryGate
{
    /// <summary>Whether <paramref name="profileId"/> may enter the live version now; a refusal is counted as a discard.</summary>
    public static async ValueTask<EntryDecision> DecideAsync(
        IEntryGateContext context, string journeyId, int version, ReentryPolicy? reentry, string profileId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(context);
        var active = await context.IsActiveAsync(journeyId, profileId);
        var lastExit = active ? null : await context.LastExitAsync(journeyId, profileId);
        var decision = EntryRules.Decide(reentry, active, lastExit, now);
        if (!decision.Enter)
        {
            context.Discarded(journeyId, version, decision.Reason!.Value);
        }

        return decision;
    }

    /// <summary>
    /// A jump is an entry into the target's live version under the target's entry rules. <paramref name="start"/>
    /// starts the instance once the gate let it through and answers false when a concurrent start won the race (the
    /// profile is then active there).
    /// </summary>
    public static async ValueTask<JumpOutcome> JumpAsync(
        IEntryGateContext context, JumpTarget? target, string profileId, DateTimeOffset now, Func<ValueTask<bool>> start)
    {
        ArgumentNullException.ThrowIfNull(start);
        if (target is null)
        {
            return JumpOutcome.NoLiveVersion;
        }

        var decision = await DecideAsync(context, target.JourneyId, target.Version, target.Reentry, profileId, now);
        if (!decision.Enter)
        {
            return EntryRules.ForRefusedJump(decision.Reason!.Value);
        }

        return await start() ? JumpOutcome.Entered : JumpOutcome.SkippedAlreadyActive;
    }
}
