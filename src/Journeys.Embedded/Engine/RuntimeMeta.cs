using Journeys.Runtime.Hosting;
using Journeys.Runtime.Routing;

namespace Journeys.Embedded.Engine;

/// <summary>Per-database runtime facts that survive restarts.</summary>
/// <param name="DatabaseId">Random id of the database, part of every instance id so ids never repeat across databases.</param>
/// <param name="NextInstance">The number the next instance gets.</param>
/// <param name="JourneyClock">The latest journey time a run reached (scaled time never goes back on restart).</param>
public sealed record RuntimeMeta(string DatabaseId, long NextInstance, DateTimeOffset? JourneyClock);
