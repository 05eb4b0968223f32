using Journeys.Embedded.Engine;
using Journeys.Embedded.Storage;
using Journeys.Runtime.Catalog;
using Journeys.Runtime.Connectors;
using Journeys.Runtime.Hosting;
using Journeys.Runtime.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Journeys.Host.Serving;

/// <summary>The embedded host's journey runtime: the SQLite engine, started and stopped with the host.</summary>
public static class JourneyEngineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="JourneyEngine"/> as the host's <see cref="IJourneyRuntime"/> and lifecycle observer,
    /// with a hosted service that starts it with the host and stops it (finishing in-flight calls) before the host
    /// exits. Uses what <see cref="EmbeddedHost"/> registers: the opened <see cref="SqliteRuntimeStore"/>, the
    /// catalog, the connectors and the <see cref="EmbeddedHostOptions"/> (time scale, engine tuning).
    /// </summary>
    public static IServiceCollection AddJourneyEngine(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(sp =>
        {
            var store = sp.GetRequiredService<SqliteRuntimeStore>();
            var options = sp.GetRequiredService<EmbeddedHostOptions>();
            return new JourneyEngine(
                store.OpenWriter,
                store,
                sp.GetRequiredService<JourneyCatalog>(),
                sp.GetRequiredService<ActionInvoker>(),
                sp.GetRequiredService<DataSourceClient>(),
                options.Engine ?? new EngineOptions { TimeScale = options.TimeScale },
                realTime: null,
                sp.GetRequiredService<ILogger<JourneyEngine>>());
        });
        services.AddSingleton<IJourneyRuntime>(sp => sp.GetRequiredService<JourneyEngine>());
        services.AddSingleton<IJourneyLifecycleObserver>(sp => sp.GetRequiredService<JourneyEngine>());
        services.AddHostedService<EngineLifetime>();
        return services;
    }

    /// <summary>Starts the engine with the host, and stops it (finishing in-flight calls) before the host exits.</summary>
    private sealed class EngineLifetime(JourneyEngine engine) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => engine.StartAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => engine.StopAsync(cancellationToken);
    }
}
