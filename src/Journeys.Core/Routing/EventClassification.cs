namespace Journeys.Core.Routing;

/// <summary>
/// What one event definition makes of one raw event: it did not match; it matched but is invalid (with reasons);
/// or it matched with a profile id and an optional de-duplication key.
/// </summary>
public sealed record EventClassification(string EventId, bool Matched, string? ProfileId, string? EventKey, IReadOnlyList<string> Problems)
{
    public bool IsValid => Matched && Problems.Count == 0;
}
