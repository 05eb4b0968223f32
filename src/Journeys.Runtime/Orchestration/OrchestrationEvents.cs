namespace Journeys.Runtime.Orchestration;

/// <summary>Names of the external events an instance orchestration listens to.</summary>
public static class OrchestrationEvents
{
    /// <summary>Raised by the stop route to every active instance of a stopped journey.</summary>
    public const string Stop = "stop";

    /// <summary>
    /// The name under which a profile's event of <paramref name="eventId"/> is raised to its instance. Durable event
    /// names are case-insensitive; event ids are case-sensitive but two ids that differ only by case would merely
    /// wake the wait, and the stepper ignores an event of the wrong id.
    /// </summary>
    public static string ForEvent(string eventId) => "event:" + eventId;
}
