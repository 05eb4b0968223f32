using Journeys.Catalog;
using Journeys.Connectors;
using Journeys.Engine;
using Journeys.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Journeys.Host.Serving;

/// <summary>Registers the SQLite journey engine as the host's runtime, started and stopped with the host.</summary>
public static class EmbeddedRuntime
{
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var database = sp.GetRequiredService<SqliteDatabase>();
            var store = SqliteRuntimeStore.OpenAsync(database).GetAwaiter().GetResult();
            var options = sp.GetRequiredService<EmbeddedHostOptions>();
            return new JourneyEngine(
                store.OpenWriter,
                store,
                sp.GetRequiredService<CatalogService>(),
                sp.GetRequiredService<ActionInvoker>(),
                sp.GetRequiredService<DataSourceClient>(),
                options.Engine ?? new EngineOptions { TimeScale = options.TimeScale },
                realTime: null,
                sp.GetRequiredService<ILogger<JourneyEngine>>());
        });
        services.AddSingleton<IJourneyRuntime>(sp => sp.GetRequiredService<JourneyEngine>());
        services.AddSingleton<IJourneyLifecycleObserver>(sp => sp.GetRequiredService<JourneyEngine>());
        services.AddHostedService<EngineLifetime>();
    }

    /// <summary>Starts the engine with the host, and stops it (finishing in-flight calls) before the host exits.</summary>
    private sealed class EngineLifetime(JourneyEngine engine) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => engine.StartAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => engine.StopAsync(cancellationToken);
    }
}
