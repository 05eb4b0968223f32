using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Journeys.Runtime.Connectors;

/// <summary>Registers the HTTP connectors. The host registers <see cref="Microsoft.Extensions.Configuration.IConfiguration"/> (secrets are read from it).</summary>
public static class ConnectorServiceCollectionExtensions
{
    public static IServiceCollection AddJourneyConnectors(this IServiceCollection services, Action<ConnectorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var optionsBuilder = services.AddOptions<ConnectorOptions>();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IActionCallLimiter, InMemoryActionCallLimiter>();
        services.TryAddSingleton<IDataSourceRateLimiter, InMemoryDataSourceRateLimiter>();
        services.TryAddSingleton<ActionInvoker>();
        services.TryAddSingleton<DataSourceClient>();

        foreach (var name in new[]
        {
            ConnectorHttpClients.Actions, ConnectorHttpClients.DataSources,
            ConnectorHttpClients.SingleUse(ConnectorHttpClients.Actions), ConnectorHttpClients.SingleUse(ConnectorHttpClients.DataSources),
        })
        {
            services.AddHttpClient(name, client => client.Timeout = Timeout.InfiniteTimeSpan) // Polly owns timeouts, per attempt.
                .UseSocketsHttpHandler((handler, _) =>
                {
                    // Long-lived pooled connections, recycled so DNS changes of an endpoint are picked up.
                    handler.PooledConnectionLifetime = TimeSpan.FromMinutes(2);
                    if (ConnectorHttpClients.IsSingleUse(name))
                    {
                        // HTTP/1.0 endpoints (see Http10Endpoints): a connection is never reused (zero lifetime), and a
                        // burst opens at most 16 at once, so a simple server's small listen backlog is not overrun.
                        handler.PooledConnectionLifetime = TimeSpan.Zero;
                        handler.MaxConnectionsPerServer = 16;
                    }

                    handler.PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1);
                    handler.ConnectTimeout = TimeSpan.FromSeconds(10);
                    handler.AutomaticDecompression = DecompressionMethods.All;

                    // A redirect would re-send the body elsewhere and is a server-side request forgery vector: a 3xx is
                    // reported as an error instead.
                    handler.AllowAutoRedirect = false;
                    handler.UseCookies = false;
                })
                .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
                .RedactLoggedHeaders(_ => true); // Auth headers carry secrets.
        }

        return services;
    }
}
