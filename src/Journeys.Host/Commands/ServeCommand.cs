using Journeys.Host.Serving;

namespace Journeys.Host.Commands;

/// <summary><c>journeys serve [--db FILE] [--urls URL] [--time-scale N]</c> (SPEC §7).</summary>
public static class ServeCommand
{
    /// <summary>Serves until SIGINT/SIGTERM (or <paramref name="cancellationToken"/>), then exits 0 after in-flight requests finish.</summary>
    public static async Task<int> RunAsync(string database, string urls, double timeScale, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        PortProbe.EnsureFree(urls);
        var options = new EmbeddedHostOptions
        {
            DatabasePath = database,
            Urls = urls,
            TimeScale = timeScale,
        };

        EmbeddedHost host;
        try
        {
            host = await EmbeddedHost.CreateAsync(options, cancellationToken);
        }
        catch (DatabaseInUseException ex)
        {
            // One line, no stack trace: a second host on the same database is a user's mistake, not a crash.
            await Console.Error.WriteLineAsync("journeys serve: " + ex.Message);
            return 3;
        }

        await using (host)
        {
            await host.RunAsync(output, cancellationToken);
        }

        return 0;
    }
}
