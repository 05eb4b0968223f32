using Journeys.Host.Serving;
using Microsoft.Extensions.DependencyInjection;

namespace Journeys.Host.Commands;

/// <summary><c>journeys serve [--db FILE] [--urls URL] [--time-scale N]</c> (SPEC §7).</summary>
public static class ServeCommand
{
    /// <summary>
    /// The journey engine's registration, when the build includes one. The host falls back to
    /// <see cref="UnavailableRuntime"/> while this is null; the engine plugs itself in here (<c>AddEmbeddedRuntime</c>).
    /// </summary>
    public static Action<IServiceCollection>? RuntimeRegistration { get; set; }

    /// <summary>Serves until SIGINT/SIGTERM (or <paramref name="cancellationToken"/>), then exits 0 after in-flight requests finish.</summary>
    public static async Task<int> RunAsync(string database, string urls, double timeScale, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var options = new EmbeddedHostOptions
        {
            DatabasePath = database,
            Urls = urls,
            TimeScale = timeScale,
            ConfigureServices = RuntimeRegistration,
        };

        await using var host = await EmbeddedHost.CreateAsync(options, cancellationToken);
        await host.RunAsync(output, cancellationToken);
        return 0;
    }
}
