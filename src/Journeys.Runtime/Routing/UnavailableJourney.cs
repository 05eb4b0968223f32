using Journeys.Runtime.Hosting;

namespace Journeys.Runtime.Routing;

/// <summary>
/// A live journey version left out of routing because it does not compile against the current configuration; the
/// events it would take are discarded with <see cref="Reason"/> (counted, never an empty result).
/// </summary>
public sealed record UnavailableJourney(string JourneyId, int Version, string Reason);
