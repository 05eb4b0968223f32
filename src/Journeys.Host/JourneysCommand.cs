using System.CommandLine;

namespace Journeys.Host;

/// <summary>The <c>journeys</c> command line (SPEC §7).</summary>
public static class JourneysCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Journeys: event-driven customer-journey orchestration, embedded host.");
        var demo = new Command("demo", "Run the main job end to end on a fresh local database.");
        demo.SetAction(async (_, cancellationToken) => await DemoCommand.RunAsync(Console.Out, cancellationToken));
        root.Subcommands.Add(demo);
        return await root.Parse(args).InvokeAsync();
    }
}
