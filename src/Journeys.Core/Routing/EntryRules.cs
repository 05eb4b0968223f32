using Journeys.Core.Execution;
using Journeys.Core.Model;

namespace Journeys.Core.Routing;

/// <summary>
/// The entry rules both hosts apply: at most one active instance per (journey, profile), and re-entry only when the
/// journey allows it and <c>afterSeconds</c> have passed since the profile's last exit. Without a <c>reentry</c>
/// block a journey can be entered again at once after the previous instance ended (AJO's default for unitary
/// journeys is re-entrance allowed).
/// </summary>
public static class EntryRules
{
    public static EntryDecision Decide(ReentryPolicy? reentry, bool alreadyActive, DateTimeOffset? lastExit, DateTimeOffset now)
    {
        if (alreadyActive)
        {
            return EntryDecision.Discarded(DiscardReason.AlreadyActive);
        }

        if (lastExit is not { } exited || reentry is null)
        {
            return EntryDecision.Entered;
        }

        if (!reentry.Allowed)
        {
            return EntryDecision.Discarded(DiscardReason.ReentryNotAllowed);
        }

        var wait = TimeSpan.FromSeconds(Math.Max(0, reentry.AfterSeconds ?? 0));
        return now - exited < wait ? EntryDecision.Discarded(DiscardReason.ReentryTooSoon) : EntryDecision.Entered;
    }

    /// <summary>
    /// What a jump reports to the instance that jumped when the target's entry rules refused it: a jump is an entry
    /// into the target, so both hosts decide it with <see cref="Decide"/> and name the rule that refused it.
    /// </summary>
    public static JumpOutcome ForRefusedJump(DiscardReason reason) => reason switch
    {
        DiscardReason.ReentryNotAllowed => JumpOutcome.SkippedReentryNotAllowed,
        DiscardReason.ReentryTooSoon => JumpOutcome.SkippedReentryTooSoon,
        _ => JumpOutcome.SkippedAlreadyActive,
    };
}
