using Journeys.Host.Serving;

namespace Journeys.Host.Commands;

/// <summary><c>journeys serve [--db FILE] [--urls URL] [--time-scale N]</c> (SPEC §7).</summary>
public static class ServeCommand
{
    /// <summary>Serves until SIGINT/SIGTERM (or <paramref name="cancellationToken"/>), then exits 0 after in-flight requests finish.</summary>
    public static async Task<int> RunAsync(string database, string urls, double timeScale, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var options = new EmbeddedHostOptions
        {
            DatabasePath = database,
            Urls = urls,
            TimeScale = timeScale,
        };

        await using var host = await EmbeddedHost.CreateAsync(options, cancellationToken);
        await host.RunAsync(output, cancellationToken);
        return 0;
    }
}
