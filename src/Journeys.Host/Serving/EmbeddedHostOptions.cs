using Journeys.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Journeys.Host.Serving;

/// <summary>What <c>journeys serve</c> takes (SPEC §7), plus the seams tests and the demo use.</summary>
public sealed class EmbeddedHostOptions
{
    public string DatabasePath { get; set; } = "journeys.db";

    /// <summary>Where Kestrel listens; port 0 picks a free port (tests read it back from <see cref="EmbeddedHost.Addresses"/>).</summary>
    public string Urls { get; set; } = "http://127.0.0.1:7071";

    /// <summary>Journey time runs this many times faster than real time (waits and timeouts only, never HTTP timeouts).</summary>
    public double TimeScale { get; set; } = 1;

    /// <summary>Engine tuning; when null, defaults with <see cref="TimeScale"/>.</summary>
    public Journeys.Embedded.Engine.EngineOptions? Engine { get; set; }

    public ApiOptions Api { get; set; } = new();

    /// <summary>
    /// Extra configuration laid over the environment (tests set keys and secrets this way). Keys as in
    /// <c>IConfiguration</c>: <c>Journeys:AdminKey</c>.
    /// </summary>
    public IDictionary<string, string?> Configuration { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Registers the journey runtime after the host registered its own services (database and stores, catalog,
    /// connectors, clock): the SQLite engine (<see cref="JourneyEngineServiceCollectionExtensions.AddJourneyEngine"/>);
    /// API tests put a stand-in <c>IJourneyRuntime</c> here instead.
    /// </summary>
    public Action<IServiceCollection> AddRuntime { get; set; } = services => services.AddJourneyEngine();

    /// <summary>Extra registrations, after the runtime's (tests add observers or replace services this way).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    /// <summary>Where start-up lines go (listening address, database, keys file); null for silence.</summary>
    public TextWriter? Output { get; set; }

    /// <summary>Framework logging to the console; off in tests to keep their output readable.</summary>
    public bool ConsoleLogging { get; set; } = true;
}
