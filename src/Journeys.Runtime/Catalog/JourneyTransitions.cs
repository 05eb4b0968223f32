namespace Journeys.Runtime.Catalog;

/// <summary>
/// The journey lifecycle of SPEC §4 as one table, read by <see cref="JourneyCatalog"/> (which transitions a user may
/// ask for) and by every <see cref="ICatalogStore"/> (which version statuses move along), so that the stores cannot
/// drift apart. Publishing is the other transition: the new version is live and the previous live one turns
/// <see cref="ReplacedLiveVersion"/>.
/// </summary>
public static class JourneyTransitions
{
    /// <summary>What the previously live version becomes when a new version is published.</summary>
    public const JourneyVersionStatus ReplacedLiveVersion = JourneyVersionStatus.Closed;

    private static readonly JourneyVersionStatus[] EndingOnClose = [JourneyVersionStatus.Live];
    private static readonly JourneyVersionStatus[] EndingOnStop = [JourneyVersionStatus.Live, JourneyVersionStatus.Closed];

    /// <summary>Live → closed, live → stopped and closed → stopped; nothing else (a draft is published, not closed).</summary>
    public static bool IsAllowed(JourneyStatus from, JourneyStatus to) => VersionsEnding(from, to) is not null;

    /// <summary>
    /// The version statuses that take <see cref="VersionStatusAfter"/> when the journey moves from
    /// <paramref name="from"/> to <paramref name="to"/>: closing ends the live version, stopping the live and the
    /// closed ones. Throws for a transition the lifecycle does not have.
    /// </summary>
    public static IReadOnlyList<JourneyVersionStatus> Ending(JourneyStatus from, JourneyStatus to) =>
        VersionsEnding(from, to) ?? throw new ArgumentException($"The catalog has no transition from {from} to {to}.", nameof(to));

    /// <summary>The status the ending versions take: closed when the journey closes, stopped when it stops.</summary>
    public static JourneyVersionStatus VersionStatusAfter(JourneyStatus to) => to switch
    {
        JourneyStatus.Closed => JourneyVersionStatus.Closed,
        JourneyStatus.Stopped => JourneyVersionStatus.Stopped,
        _ => throw new ArgumentException($"Versions do not move along when a journey becomes {to}.", nameof(to)),
    };

    private static JourneyVersionStatus[]? VersionsEnding(JourneyStatus from, JourneyStatus to) => (from, to) switch
    {
        (JourneyStatus.Live, JourneyStatus.Closed) => EndingOnClose,
        (JourneyStatus.Live, JourneyStatus.Stopped) or (JourneyStatus.Closed, JourneyStatus.Stopped) => EndingOnStop,
        _ => null,
    };
}
