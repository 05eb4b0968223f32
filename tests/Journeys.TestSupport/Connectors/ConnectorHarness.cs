using System.Text.Json;
using Journeys.Runtime.Connectors;
using Journeys.TestSupport.Connectors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Journeys.TestSupport.Connectors;

/// <summary>The connectors as a host wires them (<see cref="ConnectorServiceCollectionExtensions.AddJourneyConnectors"/>), with fast backoff and in-memory secrets.</summary>
public sealed class ConnectorHarness : IDisposable
{
    private readonly ServiceProvider provider;

    public ConnectorHarness(IDictionary<string, string?>? settings = null, TimeProvider? clock = null, Action<ConnectorOptions>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddJourneyConnectors(options =>
        {
            options.BaseDelay = TimeSpan.FromMilliseconds(1);
            options.MaxDelay = TimeSpan.FromMilliseconds(20);
            configure?.Invoke(options);
        });
        provider = services.BuildServiceProvider();
    }

    public ActionInvoker Actions => provider.GetRequiredService<ActionInvoker>();

    public DataSourceClient DataSources => provider.GetRequiredService<DataSourceClient>();

    public T Get<T>()
        where T : notnull => provider.GetRequiredService<T>();

    public static JsonElement Params(string json = "{}")
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public void Dispose() => provider.Dispose();
}
