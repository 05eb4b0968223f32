namespace Journeys.Core.Routing;

/// <summary>Whether a profile enters a journey now, and if not, why (SPEC §5 entry).</summary>
public readonly record struct EntryDecision(bool Enter, DiscardReason? Reason)
{
    public static EntryDecision Entered => new(true, null);

    public static EntryDecision Discarded(DiscardReason reason) => new(false, reason);
}
